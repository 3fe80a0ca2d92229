import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";
import { requestTenantDeletion } from "./support/tenants";

const shots = "test-results/screenshots";
const table = (page: Page, name: string) => page.getByRole("table", { name });
const row = (page: Page, tableName: string, name: string) =>
  table(page, tableName).getByRole("row", { name: new RegExp(`^${name} `) });

test.describe("templates and clones", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin clones stage into stage-2 and sees the same resources come up", async ({ page }) => {
    const clone = "stage-2";
    await page.goto("/t/stage/settings");
    const tools = page.getByRole("region", { name: "Templates" });
    const like = tools.getByRole("form", { name: "Create a tenant like this" });
    await like.getByLabel("New tenant name").fill(clone);
    await page.screenshot({ path: `${shots}/tenant-settings-templates.png`, fullPage: true });
    await like.getByRole("button", { name: "Create a tenant like this" }).click();

    await expect(page).toHaveURL(new RegExp(`/t/${clone}$`));
    const panel = page.getByRole("region", { name: /^Provision/ });
    await expect(panel.getByRole("heading", { name: "Provisioned" })).toBeVisible({ timeout: 120_000 });
    const steps = panel.getByRole("list", { name: "Steps" }).getByRole("listitem");
    for (const key of [
      "namespace",
      "resource:service:web:create-load-balancer",
      "resource:host:db-host:create-host",
      "template-rows",
    ])
      await expect(steps.filter({ has: page.getByText(key, { exact: true }) })).toContainText("succeeded");
    await page.screenshot({ path: `${shots}/tenant-clone-provisioned.png`, fullPage: true });

    await page.goto(`/t/${clone}/resources`);
    for (const service of ["api", "web", "worker"]) await expect(row(page, "Services", service)).toBeVisible();
    await expect(row(page, "Load balancers", "web")).toBeVisible();
    await expect(row(page, "Hosts", "db-host")).toBeVisible();
    await expect(row(page, "Storage buckets", `enclave-${clone}-assets`)).toContainText("available");
    await page.screenshot({ path: `${shots}/tenant-clone-resources.png`, fullPage: true });

    await requestTenantDeletion(page, clone);
  });

  test("an admin saves stage as a template, sees a bad edit refused with its path, and finds it listed", async ({
    page,
  }) => {
    const name = `stage-tpl-${Math.random().toString(36).slice(2, 7)}`;
    await page.goto("/t/stage/settings");
    const save = page.getByRole("region", { name: "Templates" }).getByRole("form", { name: "Save as template" });
    await save.getByLabel("Template name").fill(name);
    await save.getByRole("button", { name: "Save as template" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/templates/${name}\\?version=1$`));

    const editor = page.getByRole("form", { name: "Template JSON" });
    const json = editor.getByLabel("Template JSON");
    await expect(json).toContainText('"infrastructureKind": "local"');
    const text = await json.inputValue();
    await json.fill(text.replace('"replicas": 2', '"replicas": -1'));
    await editor.getByRole("button", { name: "Save as new version" }).click();
    await expect(editor.getByRole("alert")).toHaveText(/^resources\.\d+\.replicas: Replicas cannot be negative\.$/);
    await page.screenshot({ path: `${shots}/template-edit-error.png`, fullPage: true });

    await json.fill(text.replace('"replicas": 2', '"replicas": 3'));
    await editor.getByRole("button", { name: "Save as new version" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/templates/${name}\\?version=2$`));
    await expect(page.getByRole("navigation", { name: "Versions" }).getByRole("link")).toHaveText(["v2", "v1"]);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export .json" }).click();
    expect((await download).suggestedFilename()).toBe(`${name}-v2.json`);
    await page.screenshot({ path: `${shots}/template-view.png`, fullPage: true });

    await page.goto("/admin/templates");
    await expect(table(page, "Templates").getByRole("row", { name: new RegExp(`^${name} `) })).toContainText("v2, v1");
    await page.screenshot({ path: `${shots}/templates-list.png`, fullPage: true });
  });
});
