import { expect, test } from "./support/test";
import { personas, storageStateOf } from "./support/personas";

test.describe("an admin on a tenant's access page", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("grants a time-boxed write, sees it listed, and revokes it after confirming", async ({ page }) => {
    await page.goto("/t/stage/access");
    const form = page.getByRole("form", { name: "Grant access" });
    await form.getByRole("button", { name: "Grant access" }).click();
    await expect(form.getByRole("alert")).toHaveText("Choose a user.");

    await form.getByLabel("User").selectOption({ label: `${personas.nina.name} <${personas.nina.email}>` });
    await form.getByLabel("Level").selectOption("write");
    await form.getByLabel("Expires (optional, your local time)").fill("2099-01-01T09:30");
    await form.getByRole("button", { name: "Grant access" }).click();
    const row = page
      .getByRole("table", { name: "Tenant members" })
      .getByRole("row", { name: new RegExp(personas.nina.email) });
    await expect(row).toContainText("write");
    await expect(row).toContainText("2099");

    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe("a write user on the same page", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("sees who has access but cannot grant or revoke", async ({ page }) => {
    await page.goto("/t/dev/access");
    await expect(page.getByRole("table", { name: "Tenant members" })).toContainText(personas.bob.email);
    await expect(page.getByRole("form", { name: "Grant access" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  });
});
