import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

const sizes = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

for (const scheme of ["light", "dark"] as const)
  for (const [size, viewport] of Object.entries(sizes))
    test.describe(`${size}, system ${scheme}`, () => {
      test.use({ storageState: storageStateOf("admin"), viewport, colorScheme: scheme });

      test("the portal follows the system's colour scheme", async ({ page }) => {
        await page.goto("/t/stage");
        await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Tenants");
        await page.screenshot({ path: `test-results/screenshots/shell-${size}-${scheme}.png` });
        if (size === "phone") {
          await page.getByRole("button", { name: "Open menu" }).click();
          await expect(page.getByRole("dialog", { name: "Enclave" })).toBeVisible();
          await page.screenshot({ path: `test-results/screenshots/shell-${size}-${scheme}-menu.png` });
        } else {
          await page.keyboard.press("Control+k");
          await expect(page.getByRole("dialog").getByRole("option").first()).toBeVisible();
          await page.screenshot({ path: `test-results/screenshots/shell-${size}-${scheme}-palette.png` });
        }
      });
    });

test.describe("the theme toggle", () => {
  test.use({ storageState: storageStateOf("bob"), colorScheme: "light" });

  test("switches to dark and keeps it across pages", async ({ page }) => {
    await page.goto("/tenants");
    await page.getByRole("button", { name: "Toggle dark mode" }).click();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await page.goto("/t/dev/logs");
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await page.getByRole("button", { name: "Toggle dark mode" }).click();
    await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  });
});

test.describe("alice's budget form", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("says in a toast whether an action worked", async ({ page }) => {
    await page.goto("/t/dev/billing");
    const form = page.getByRole("form", { name: "Monthly budget" });
    await form.getByLabel("Monthly budget (USD)").fill("-5");
    await form
      .getByRole("button", { name: /budget/ })
      .first()
      .click();
    const toasts = page.getByRole("region", { name: /Notifications/ });
    await expect(toasts.locator('[data-type="error"]')).toBeVisible();
    await form.getByLabel("Monthly budget (USD)").fill("500");
    await form
      .getByRole("button", { name: /budget/ })
      .first()
      .click();
    await expect(toasts.locator('[data-type="success"]')).toContainText("Done.");
  });
});
