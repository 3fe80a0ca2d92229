import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

// Issue 14, defect 7: a tenant page the user may not see showed "Not found" inside that tenant's
// navigation and kept the page's title; titles never named the tenant.
test.describe("bob, who may read dev and stage", () => {
  test.use({ storageState: storageStateOf("bob") });

  // Issue 14 defect 7
  test("a tenant page's title names the page and the tenant", async ({ page }) => {
    await page.goto("/t/stage/logs");
    await expect(page).toHaveTitle("Logs · stage · Enclave");
    await page.goto("/t/dev");
    await expect(page).toHaveTitle("dev · Enclave");
  });

  // Issue 14 defect 7
  test("a foreign tenant answers exactly like a missing one, without its navigation", async ({ page }) => {
    const answers = [];
    for (const tenant of ["prod", "no-such-tenant"]) {
      const response = await page.goto(`/t/${tenant}/logs`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found", level: 1 })).toBeVisible();
      await expect(page).toHaveTitle("Not found · Enclave");
      await expect(page.getByTestId("tenant-nav")).toBeHidden();
      await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link", { name: "All tenants" })).toBeVisible();
      await expect(nav.locator(`a[href^="/t/${tenant}"]:visible`)).toHaveCount(0);
      answers.push({
        title: await page.title(),
        main: (await page.locator("main").innerText()).replaceAll(tenant, "TENANT"),
        visibleNavLinks: await nav
          .getByRole("link")
          .evaluateAll((links) => links.filter((l) => l.checkVisibility()).length),
      });
    }
    expect(answers[0]).toEqual(answers[1]);
  });
});
