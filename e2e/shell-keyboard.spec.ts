import { expect, test } from "./support/test";
import { storageStateOf } from "./support/personas";

// Issue 14, defect 10: keyboard users tabbed through every navigation link to reach the content,
// and the sign-in page had no h1.
test.describe("a keyboard user", () => {
  test.use({ storageState: storageStateOf("alice") });

  // Issue 14 defect 10
  test("skips straight to the content with the first Tab", async ({ page }) => {
    await page.goto("/t/dev/resources");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#content")).toBeFocused();
    await page.keyboard.press("Tab");
    const next = await page.evaluate(() => document.activeElement?.closest("main") !== null);
    expect(next, "the next Tab stays in the content").toBe(true);
  });
});

// Issue 14 defect 10
test("the sign-in page has one h1", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enclave");
});
