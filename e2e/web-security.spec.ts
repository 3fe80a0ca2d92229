import { expect, test } from "./support/test";
import { builtActions } from "./support/build-manifest";
import { personas, signIn, storageStateOf } from "./support/personas";

test("pages carry a nonce CSP and the security headers, and run under it", async ({ page, request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const csp = first.headers()["content-security-policy"]!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["strict-transport-security"], "HSTS only behind https").toBeUndefined();

  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  await page.goto("/login");
  await signIn(page, personas.alice.email, personas.alice.password);
  await page.getByRole("link", { name: "dev" }).click();
  await expect(page.getByRole("heading", { name: "dev", level: 1 })).toBeVisible();
  expect(violations).toEqual([]);

  const session = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token")!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
});

test.describe("as the admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("a server action posted from another origin is refused and changes nothing", async ({ page }) => {
    const grant = builtActions().find((a) => a.name === "grantTenantAccess")!;
    const me = (await (await page.request.get("/api/me")).json()) as { id: string };
    const response = await page.request.post(grant.page.replace("[tenant]", "prod"), {
      headers: { "next-action": grant.id, "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example" },
      data: JSON.stringify([{ tenant: "prod", userId: me.id, level: "write" }]),
    });
    expect(await response.text()).not.toContain('"ok":true');
    await page.goto("/t/prod/access");
    await expect(page.getByRole("table", { name: "Tenant members" })).toHaveCount(0);
  });
});
