import { expect, test, waitingForHydration } from "./support/test";
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

test.describe("users in the palette", () => {
  test("an admin finds a user by name; bob, no administrator, finds none", async ({ browser }) => {
    for (const [persona, expected] of [
      ["admin", 1],
      ["bob", 0],
    ] as const) {
      const context = await browser.newContext({ storageState: storageStateOf(persona) });
      const page = waitingForHydration(await context.newPage());
      await page.goto("/tenants");
      await page.keyboard.press("Control+k");
      const palette = page.getByRole("dialog");
      await palette.getByRole("combobox").fill("alice");
      if (expected) {
        await palette.getByRole("option", { name: /alice@enclave\.local/ }).click();
        await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
      } else {
        await expect(palette.getByText("Nothing matches.")).toBeVisible();
        await expect(palette.getByRole("option", { name: /alice@enclave\.local/ })).toHaveCount(0);
      }
      await context.close();
    }
  });
});

test.describe("resources in the palette", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("lists the current tenant's resources from its inventory", async ({ page }) => {
    type Listed = { resources: { kind: string; name: string }[] };
    // The demo's dev runs services; its inventory is read once the workers have listed its cloud.
    let resources: Listed["resources"] = [];
    await expect
      .poll(async () => {
        const response = await page.request.get("/api/t/dev/resources");
        expect(response.status()).toBe(200);
        resources = ((await response.json()) as Listed).resources;
        return resources.length;
      })
      .toBeGreaterThan(0);
    expect((await page.request.get("/api/t/prod/resources")).status()).toBe(404);
    await page.goto("/t/dev");
    await page.keyboard.press("Control+k");
    const palette = page.getByRole("dialog");
    await palette.getByRole("combobox").fill(resources[0]!.name);
    await expect(palette.getByRole("group", { name: "Resources of dev" })).toContainText(resources[0]!.name);
  });
});
