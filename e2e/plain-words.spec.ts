import { expect, test, type Page } from "./support/test";
import { builtActions } from "./support/build-manifest";
import { personas, storageStateOf } from "./support/personas";

const shots = "test-results/screenshots";

/** Posts a server action the way the browser does, as whoever the page is signed in as. */
async function postAction(page: Page, name: string, path: string, input: Record<string, unknown>) {
  const action = builtActions().find((a) => a.name === name)!;
  const response = await page.request.post(path, {
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(page.url()).origin,
    },
    data: JSON.stringify([input]),
  });
  return response.text();
}

test.describe("a user with read access to stage", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("is told her access is read-only, where controls are hidden and when she tries a write", async ({ page }) => {
    await page.goto("/t/stage/resources");
    await expect(page.getByRole("note")).toHaveText(
      "You have read-only access to stage, so creating and deleting resources is hidden. Ask an administrator for write access.",
    );
    await expect(page.getByRole("form", { name: "New resource" })).toHaveCount(0);
    await page.screenshot({ path: `${shots}/read-only-resources.png`, fullPage: true });
    const create = { kind: "service", name: "sneaky", image: "nginx:1.27", replicas: 1, port: 80 };
    const refused = await postAction(page, "createResource", "/t/stage/resources", { tenant: "stage", ...create });
    expect(refused).toContain('"code":"read_only"');
    expect(refused).toContain("Your access to stage is read-only");
    // A tenant she cannot see still answers exactly like one that does not exist.
    const hidden = await postAction(page, "createResource", "/t/stage/resources", { tenant: "prod", ...create });
    const missing = await postAction(page, "createResource", "/t/stage/resources", { tenant: "nope", ...create });
    expect(hidden).toContain('"code":"not_found"');
    expect(hidden.replace(/^\d+:/gm, "")).toBe(missing.replace(/^\d+:/gm, ""));
    await page.goto("/t/stage/billing");
    await expect(page.getByRole("region", { name: "Budget" }).getByRole("note")).toContainText("read-only access");
  });

  test("reads a load balancer's state and address apart, and kinds in plain words", async ({ page }) => {
    await page.goto("/t/dev/resources");
    const row = page.getByRole("table", { name: "Load balancers" }).getByRole("row", { name: /^web / });
    await expect(row.getByRole("cell").nth(1)).toHaveText("active");
    await expect(row).toContainText("web.dev.local.enclave");
    await page.goto("/t/dev");
    const kinds = page.getByRole("table", { name: "Cloud resources by kind" });
    for (const kind of ["IAM role", "KMS key", "KMS alias"])
      await expect(kinds.getByRole("rowheader", { name: kind, exact: true })).toBeVisible();
    await expect(kinds).not.toContainText("Iam");
  });
});

test.describe("an admin reading the audit log", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("reads grants in words, and downloads the filtered log as CSV", async ({ page }) => {
    await page.goto("/t/stage/access");
    const form = page.getByRole("form", { name: "Grant access" });
    await form.getByLabel("User").selectOption({ label: `${personas.nina.name} <${personas.nina.email}>` });
    await form.getByLabel("Level").selectOption("read");
    await form.getByRole("button", { name: "Grant access" }).click();
    const member = page.getByRole("table", { name: "Tenant members" }).getByRole("row", { name: /nina@/ });
    await member.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect(member).toHaveCount(0);

    await page.goto("/admin/audit?tenant=stage&action=grant");
    const events = page.getByRole("table", { name: "Audit events" });
    await expect(events).toContainText(`Granted read on stage to ${personas.nina.email}`);
    await expect(events).toContainText(`Revoked read on stage from ${personas.nina.email}`);
    await expect(events).not.toContainText('{"level"');
    await expect(events.getByRole("row").nth(1).locator("time")).toHaveAttribute("title", / UTC$/);
    await page.screenshot({ path: `${shots}/audit-in-words.png`, fullPage: true });

    const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    expect(href).toBe("/api/admin/audit/export?action=grant&tenant=stage");
    const csv = await page.request.get(href!);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe("at,actor,what,action,tenant,target,ip,details");
    expect(lines.slice(1).every((l) => l.includes(",grant.") && l.includes(",stage,"))).toBe(true);
    expect(lines.some((l) => l.includes(`Granted read on stage to ${personas.nina.email}`))).toBe(true);
  });
});

test.describe("billing of a tenant created today", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("offers no month before the tenant existed, and no empty chart axes", async ({ page }) => {
    const name = `words-${Math.random().toString(36).slice(2, 7)}`;
    await page.goto("/tenants/new");
    const form = page.getByRole("form", { name: "New tenant" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Infrastructure").selectOption({ label: "local (local, local)" });
    await form.getByRole("button", { name: "Create tenant" }).click();
    await expect(page).toHaveURL(new RegExp(`/t/${name}$`));

    await page.goto(`/t/${name}/billing`);
    const months = page.getByRole("navigation", { name: "Month" });
    await expect(months.getByRole("link", { name: /←/ })).toHaveCount(0);
    const byMonth = page.getByRole("region", { name: "Cost by month" });
    if (await page.getByText(/^No costs recorded for/).isVisible())
      await expect(byMonth).toContainText("No costs recorded yet.");
    await page.screenshot({ path: `${shots}/billing-new-tenant.png`, fullPage: true });
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1));
    await page.goto(`/t/${name}/billing?month=${lastMonth.toISOString().slice(0, 7)}`);
    await expect(page.getByRole("alert").filter({ hasText: "did not exist yet" })).toBeVisible();
  });
});
