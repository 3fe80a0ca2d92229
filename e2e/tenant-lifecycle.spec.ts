import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

const shots = "test-results/screenshots";

test.describe("an admin, through a tenant's whole life", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("creates a tenant, watches it provision, downloads its key, unprotects and deletes it", async ({ page }) => {
    const name = `e2e-${Math.random().toString(36).slice(2, 8)}`;

    await page.goto("/tenants");
    await page.getByRole("link", { name: "New tenant" }).click();
    const form = page.getByRole("form", { name: "New tenant" });
    await form.getByLabel("Name").fill("E2E_tenant");
    await expect(form.getByText("Use lowercase letters, digits and hyphens")).toBeVisible();
    await form.getByRole("button", { name: "Create tenant" }).click();
    await expect(form.getByRole("alert")).toHaveText(
      "Use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.",
    );

    await form.getByLabel("Name").fill(name);
    await expect(form.getByText("Looks good.")).toBeVisible();
    await form.getByLabel("Infrastructure").selectOption({ label: "local (local, local)" });
    await form.getByLabel("Pods").fill("20");
    await form.getByRole("button", { name: "Create tenant" }).click();

    await expect(page).toHaveURL(new RegExp(`/t/${name}$`));
    const panel = page.getByRole("region", { name: /^Provision/ });
    await expect(panel).toBeVisible();
    await page.screenshot({ path: `${shots}/tenant-provisioning-progress.png`, fullPage: true });
    await expect(panel.getByRole("heading", { name: "Provisioned" })).toBeVisible({ timeout: 60_000 });
    const steps = panel.getByRole("list", { name: "Steps" }).getByRole("listitem");
    await expect(steps).toHaveCount(13);
    for (const key of ["security-group", "iam-role", "key-pair", "namespace", "network-policy", "quota"]) {
      await expect(steps.filter({ has: page.getByText(key, { exact: true }) })).toContainText("succeeded");
    }
    await expect(panel.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "13");
    await expect(page.getByRole("definition").filter({ hasText: /^ready$/ })).toBeVisible();
    await page.screenshot({ path: `${shots}/tenant-provisioned.png`, fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download PEM key" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`enclave-${name}.pem`);
    expect(await readFile((await file.path())!, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const response = await page.request.get(`/api/t/${name}/pem`);
    expect(response.headers()).toMatchObject({ "content-type": "application/x-pem-file", "cache-control": "no-store" });
    expect(await response.text()).toMatch(/^-----BEGIN PRIVATE KEY-----/);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    const dangerZone = page.getByRole("region", { name: "Danger zone" });
    await expect(dangerZone.getByRole("button", { name: "Delete tenant" })).toBeDisabled();
    await expect(dangerZone).toContainText("Deletion protection is on.");
    const protection = page.getByRole("switch", { name: "Deletion protection" });
    await expect(protection).toHaveAttribute("aria-checked", "true");
    await protection.click();
    await expect(protection).toHaveAttribute("aria-checked", "false");
    await page.screenshot({ path: `${shots}/tenant-settings-admin.png`, fullPage: true });

    await dangerZone.getByRole("button", { name: "Delete tenant" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete ${name}?` });
    const confirmInput = dialog.getByLabel(`Type ${name} to confirm`);
    await confirmInput.fill("not-the-name");
    await expect(dialog.getByRole("button", { name: "Delete tenant" })).toBeDisabled();
    await confirmInput.fill(name);
    await dialog.getByRole("button", { name: "Delete tenant" }).click();

    await expect(page).toHaveURL(new RegExp(`/t/${name}$`));
    await expect(page.getByRole("region", { name: /^Delet/ })).toBeVisible();
    await page.screenshot({ path: `${shots}/tenant-deleting-progress.png`, fullPage: true });
    await expect(page).toHaveURL(new RegExp(`/tenants\\?deleted=${name}$`), { timeout: 60_000 });
    await expect(page.getByRole("status").filter({ hasText: `Tenant ${name} was deleted` })).toBeVisible();
    await expect(page.getByRole("table", { name: "Tenants" })).not.toContainText(name);
    expect((await page.goto(`/t/${name}`))?.status()).toBe(404);
  });
});

test.describe("an admin on the infrastructure page", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sees each infrastructure's connectivity, and a register form that asks for what its driver needs", async ({
    page,
  }) => {
    await page.goto("/admin/infrastructure");
    await expect(
      page.getByRole("table", { name: "Infrastructures" }).getByRole("row", { name: /local/ }),
    ).toContainText("reachable: Local cloud in the portal's database");
    const form = page.getByRole("form", { name: "Register infrastructure" });
    await form.getByLabel("Name", { exact: true }).fill("e2e-eu");
    await form.getByLabel("VPC id").fill("vpc-123");
    await form.getByRole("button", { name: "Register" }).click();
    await expect(form.getByRole("alert")).toHaveText("Give an AWS region such as eu-west-1.");
    await form.getByLabel("Region").fill("eu-west-1");
    await form.getByRole("button", { name: "Register" }).click();
    await expect(form.getByRole("alert")).toHaveText("Give the VPC id, such as vpc-0a1b2c3d.");
    await page.screenshot({ path: `${shots}/infrastructure-register.png`, fullPage: true });

    await form.getByLabel("Driver").selectOption("kubernetes");
    await expect(form.getByLabel("VPC id")).toHaveCount(0);
    await expect(form.getByLabel("Kubeconfig context")).toBeVisible();
  });
});

test.describe("a read user", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("can start neither a creation nor a deletion, and cannot fetch the key", async ({ page }) => {
    await page.goto("/tenants");
    await expect(page.getByRole("table", { name: "Tenants" })).toContainText("dev");
    await expect(page.getByRole("link", { name: "New tenant" })).toHaveCount(0);
    expect((await page.goto("/tenants/new"))?.status()).toBe(404);

    await page.goto("/t/dev");
    await expect(page.getByRole("heading", { name: "dev", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Download PEM key" })).toHaveCount(0);
    await page.goto("/t/dev/settings");
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Deletion protection" })).toContainText("Off");
    await expect(page.getByRole("button", { name: "Delete tenant" })).toHaveCount(0);
    await expect(page.getByRole("switch")).toHaveCount(0);
    await page.screenshot({ path: `${shots}/tenant-settings-read-only.png`, fullPage: true });
    // dev is visible to her, so the key answers read-only (403), not as if dev were missing.
    expect((await page.request.get("/api/t/dev/pem")).status()).toBe(403);
  });
});
