import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

test.describe("bob's command palette", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("Ctrl+K finds a tenant he may see, never one he may not, and goes there", async ({ page }) => {
    await page.goto("/tenants");
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog");
    const input = palette.getByRole("combobox");
    await expect(input).toBeFocused();
    await expect(palette.getByRole("option", { name: "stage", exact: true })).toBeVisible();
    await expect(palette.getByRole("option", { name: "prod", exact: true })).toHaveCount(0);
    await expect(palette.getByRole("option", { name: /Administration/ })).toHaveCount(0);
    await input.fill("stag");
    await expect(palette.getByRole("option", { name: "stage", exact: true })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/t\/stage$/);
    await expect(palette).toBeHidden();
  });

  test('"/" opens it on a tenant page with that tenant\'s pages', async ({ page }) => {
    await page.goto("/t/dev");
    await page.keyboard.press("/");
    const palette = page.getByRole("dialog");
    await palette.getByRole("combobox").fill("metrics");
    await palette.getByRole("option", { name: "dev › Metrics" }).click();
    await expect(page).toHaveURL(/\/t\/dev\/metrics$/);
  });
});

test.describe("the admin's command palette", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("offers the administration pages", async ({ page }) => {
    await page.goto("/tenants");
    await page.getByRole("button", { name: "Search and go to…" }).click();
    const palette = page.getByRole("dialog");
    await palette.getByRole("combobox").fill("audit");
    await palette.getByRole("option", { name: "Administration › Audit log" }).click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
  });
});
