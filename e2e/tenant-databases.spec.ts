import { expect, test, waitingForHydration, type Page } from "./support/test";
import { storageStateOf } from "./support/personas";

// The e2e server makes local databases available in seconds (ENCLAVE_LOCAL_DATABASE_READY_SECONDS in
// playwright.config.ts) and re-checks resting operations as often; every wait here is on what the page shows.

async function waitUntilReady(page: Page, tenant: string) {
  await expect
    .poll(async () => (await (await page.request.get(`/api/t/${tenant}`)).json()).status, { timeout: 30_000 })
    .toBe("ready");
}

test.describe("a write user with a database", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("creates one on the local cloud, sees it become available, reveals its password; a reader cannot", async ({
    page,
    browser,
  }) => {
    await waitUntilReady(page, "dev");
    await page.goto("/t/dev/resources");
    const form = page.getByRole("form", { name: "New resource" });
    await form.getByLabel("Database").check();
    const name = `orders-${Math.random().toString(36).slice(2, 7)}`;
    const cloudName = `enclave-dev-${name}`;
    await form.getByLabel("Name").fill(name);
    await form.getByRole("combobox", { name: "Engine", exact: true }).selectOption("postgres");
    await form.getByRole("combobox", { name: "Engine version" }).selectOption("15.8");
    await form.getByLabel("Storage (GiB)").fill("50");
    await form.getByLabel(/Multi-AZ/).check();
    await form.screenshot({ path: "test-results/screenshots/database-form.png" });
    await page.setViewportSize({ width: 390, height: 844 });
    await form.screenshot({ path: "test-results/screenshots/database-form-phone.png" });
    await page.setViewportSize({ width: 1280, height: 720 });
    await form.getByRole("button", { name: "Create database" }).click();
    await expect(page.getByRole("heading", { name: `Creating database ${cloudName}` })).toBeVisible();
    await expect(page.getByText("waiting for available (creating)")).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole("heading", { name: `Created database ${cloudName}` })).toBeVisible({
      timeout: 60_000,
    });
    const row = page.getByRole("table", { name: "Databases" }).getByRole("row", { name: new RegExp(`^${cloudName} `) });
    await expect(row).toContainText("available");

    await row.getByRole("link", { name: cloudName }).click();
    await expect(page.getByRole("heading", { name: cloudName, level: 1 })).toBeVisible();
    await expect(page.getByTestId("database-status")).toHaveText("available");
    await expect(page.getByText("PostgreSQL 15.8")).toBeVisible();
    await expect(page.getByText("50 GiB")).toBeVisible();
    await expect(page.getByText("Yes, with a standby")).toBeVisible();
    const connection = `postgresql://enclave_admin@${cloudName}.local-rds.enclave.internal:5432/postgres`;
    await expect(page.getByText(connection, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Reveal password" }).click();
    await expect(page.getByTestId("database-password").locator("code")).toHaveText(/^[A-Za-z0-9_-]{32}$/);
    await page.screenshot({ path: "test-results/screenshots/database-detail.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/screenshots/database-detail-phone.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    const reader = await browser.newContext({ storageState: storageStateOf("bob") });
    const bob = waitingForHydration(await reader.newPage());
    await bob.goto(`/t/dev/resources/database/${cloudName}`);
    await expect(bob.getByText(connection, { exact: true })).toBeVisible();
    await expect(bob.getByText("Shown to users with write access")).toBeVisible();
    await expect(bob.getByRole("button", { name: "Reveal password" })).toHaveCount(0);
    await expect(bob.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await reader.close();

    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Take a final snapshot first")).toBeChecked();
    await dialog.getByRole("button", { name: "Delete database" }).click();
    await expect(page).toHaveURL(/\/t\/dev\/resources$/);
    await expect(page.getByRole("heading", { name: `Deleted database ${cloudName}` })).toBeVisible({
      timeout: 60_000,
    });
    await expect(row).toHaveCount(0);
  });
});
