import { expect, test, type Page } from "./support/test";
import { storageStateOf } from "./support/personas";

async function waitUntilReady(page: Page, tenant: string) {
  await expect
    .poll(async () => (await (await page.request.get(`/api/t/${tenant}`)).json()).status, { timeout: 30_000 })
    .toBe("ready");
}

test.describe("a read user on a tenant's overview", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("sees when the inventory was read and asks for a fresh read", async ({ page }) => {
    await waitUntilReady(page, "dev");
    await page.goto("/t/dev");
    const freshness = page.getByTestId("inventory-freshness");
    await expect(freshness).toContainText(/Inventory as of (just now|\d+ (s|min) ago)/);
    await expect(
      page.getByRole("table", { name: "Cloud resources by kind" }).getByRole("row", { name: /^namespace 1 /i }),
    ).toContainText("tenant-dev");

    // A worker may have read it seconds ago (the minute after an operation); then the press is refused.
    await freshness.getByRole("button", { name: "Refresh" }).click();
    await expect(freshness.getByRole("button", { name: "Refresh" })).toBeEnabled({ timeout: 30_000 });
    await expect(freshness).toContainText(/Inventory as of just now|\d+ s ago|Read moments ago/);
    await expect(freshness).not.toContainText("failed");

    const status = await page.request.get("/api/t/dev/inventory");
    expect(status.headers()["cache-control"]).toBe("no-store");
    const { freshness: read } = (await status.json()) as {
      freshness: { refreshedAt: string; requestedAt: string | null };
    };
    expect(read.requestedAt).toBeNull();
    expect(Date.now() - Date.parse(read.refreshedAt)).toBeLessThan(120_000);
  });
});

test.describe("a user without access", () => {
  test.use({ storageState: storageStateOf("nina") });

  test("gets a 404 for another tenant's inventory status", async ({ page }) => {
    expect((await page.request.get("/api/t/dev/inventory")).status()).toBe(404);
  });
});
