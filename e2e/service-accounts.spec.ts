import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test } from "./support/test";
import { storageStateOf } from "./support/personas";

async function meStatus(baseURL: string, secret: string) {
  const api = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const response = await api.get("/api/v1/me", { headers: { authorization: `Bearer ${secret}` } });
  const answer = { status: response.status(), body: response.ok() ? await response.json() : null };
  await api.dispose();
  return answer;
}

test.describe("an admin managing service accounts", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates one, gives it a token, grants it a tenant on the tenant's access page, and revokes or disables it", async ({
    page,
    baseURL,
  }) => {
    const name = `Deploy ${randomUUID().slice(0, 8)}`;
    await page.goto("/admin/service-accounts");
    await page.getByRole("button", { name: "New service account" }).click();
    const create = page.getByRole("form", { name: "New service account" });
    await create.getByLabel("Name").fill(name);
    await create.getByRole("button", { name: "Create service account" }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByText(/@service-accounts\.enclave\.internal · service account/)).toBeVisible();

    const form = page.getByRole("form", { name: "New token for this service account" });
    await form.getByLabel("Name").fill("pipeline");
    await form.getByLabel("Scope").selectOption("write");
    await form.getByRole("button", { name: "1 year" }).click();
    await form.getByRole("button", { name: "Create token" }).click();
    const secret = (await page.getByTestId("new-token-secret").textContent())!;
    const me = await meStatus(baseURL!, secret);
    expect(me).toMatchObject({ status: 200, body: { name, role: "user", token: { name: "pipeline" } } });
    await page.getByRole("button", { name: "I have copied it" }).click();

    await page.goto("/t/dev/access");
    const grant = page.getByRole("form", { name: "Grant access" });
    await grant.getByLabel("User").selectOption({ label: `${name} (service account)` });
    await grant.getByLabel("Level").selectOption("write");
    await grant.getByRole("button", { name: "Grant access" }).click();
    const member = page.getByRole("table", { name: "Tenant members" }).getByRole("row", { name: new RegExp(name) });
    await expect(member).toContainText("service account");
    await expect(member).toContainText("write");

    await page.goto("/admin/service-accounts");
    const listed = page.getByRole("table", { name: "Service accounts" }).getByRole("row", { name: new RegExp(name) });
    await expect(listed).toContainText("1");
    await listed.getByRole("link", { name: new RegExp(name) }).click();
    await expect(page.getByRole("table", { name: "Tenant access" }).getByRole("link", { name: "dev" })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/service-account.png", fullPage: true });

    await page.getByRole("button", { name: "Disable service account" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disable service account" }).click();
    await expect(page.getByRole("button", { name: "Enable service account" })).toBeVisible();
    expect((await meStatus(baseURL!, secret)).status).toBe(401);
    await page.getByRole("button", { name: "Enable service account" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Enable service account" }).click();
    await expect(page.getByRole("button", { name: "Disable service account" })).toBeVisible();
    expect((await meStatus(baseURL!, secret)).status).toBe(200);

    await page.goto(`/admin/tokens?q=${encodeURIComponent(name)}`);
    const row = page.getByRole("table", { name: "Access tokens" }).getByRole("row", { name: /pipeline/ });
    await expect(row).toContainText("service account");
    await page.screenshot({ path: "test-results/screenshots/admin-tokens.png", fullPage: true });
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("revoked");
    expect((await meStatus(baseURL!, secret)).status).toBe(401);
  });
});
