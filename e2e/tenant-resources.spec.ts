import { expect, test, type Page } from "./support/test";
import { storageStateOf } from "./support/personas";

const suffix = () => Math.random().toString(36).slice(2, 7);
const table = (page: Page, name: string) => page.getByRole("table", { name });

async function waitUntilReady(page: Page, tenant: string) {
  await expect
    .poll(async () => (await (await page.request.get(`/api/t/${tenant}`)).json()).status, { timeout: 30_000 })
    .toBe("ready");
}

test.describe("a write user on the resources page", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("creates a service behind a load balancer and a bucket, watches them get made, and deletes them", async ({
    page,
  }) => {
    await waitUntilReady(page, "dev");
    await page.goto("/t/dev/resources");
    await expect(table(page, "Services").getByRole("row", { name: /^web / })).toContainText("2/2 ready");
    const form = page.getByRole("form", { name: "New resource" });
    const service = `shop-${suffix()}`;
    await form.getByLabel("Name").fill(service);
    await form.getByLabel("Container image").fill("nginx; rm -rf /");
    await form.getByRole("button", { name: "Create service" }).click();
    await expect(form.getByRole("alert")).toHaveText(
      "An image looks like nginx:1.27 or registry.example.com/team/app@sha256:…",
    );

    await form.getByLabel("Container image").fill("nginx:1.27");
    await form.getByLabel("Port").fill("8080");
    await form.getByLabel("Put a load balancer in front of it").check();
    await form.getByRole("button", { name: "Create service" }).click();
    await expect(page.getByRole("heading", { name: `Created service ${service}` })).toBeVisible({ timeout: 60_000 });
    await expect(table(page, "Services").getByRole("row", { name: new RegExp(`^${service} `) })).toContainText(
      "1/1 ready",
    );
    await expect(table(page, "Load balancers").getByRole("row", { name: new RegExp(`^${service} `) })).toContainText(
      `${service}.dev.local.enclave`,
    );

    await form.getByLabel("Bucket").check();
    const bucket = `exports-${suffix()}`;
    await form.getByLabel("Name").fill(bucket);
    await form.getByRole("button", { name: "Create bucket" }).click();
    await expect(page.getByRole("heading", { name: `Created bucket enclave-dev-${bucket}` })).toBeVisible({
      timeout: 60_000,
    });
    const bucketRow = table(page, "Storage buckets").getByRole("row", { name: new RegExp(`^enclave-dev-${bucket} `) });
    await expect(bucketRow).toContainText("available");

    const serviceRow = table(page, "Services").getByRole("row", { name: new RegExp(`^${service} `) });
    await serviceRow.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete service" }).click();
    await expect(page.getByRole("heading", { name: `Deleted service ${service}` })).toBeVisible({ timeout: 60_000 });
    await expect(serviceRow).toHaveCount(0);
    await expect(table(page, "Load balancers").getByRole("row", { name: new RegExp(`^${service} `) })).toHaveCount(0);

    await bucketRow.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete bucket" }).click();
    await expect(page.getByRole("heading", { name: `Deleted bucket enclave-dev-${bucket}` })).toBeVisible({
      timeout: 60_000,
    });
    await expect(bucketRow).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/resources.png", fullPage: true });
  });
});

test.describe("a read user on the resources page", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("sees the inventory and a service's own charts and logs, and can change nothing", async ({ page }) => {
    await waitUntilReady(page, "dev");
    await page.goto("/t/dev/resources");
    await expect(table(page, "Hosts").getByRole("row", { name: /^db-host / })).toContainText("running");
    await expect(page.getByRole("form", { name: "New resource" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

    await table(page, "Services").getByRole("link", { name: "web", exact: true }).click();
    await expect(page.getByRole("heading", { name: "web", level: 1 })).toBeVisible();
    await expect(page.getByText("nginx:1.27")).toBeVisible();
    await expect(page.getByRole("img", { name: "CPU chart" }).locator("svg path").first()).toBeAttached();
    const logRows = page.getByRole("table", { name: "Log lines" }).getByRole("row");
    await expect(logRows.nth(1)).toContainText("web");
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/resource-detail.png", fullPage: true });
  });
});

test.describe("a user without access", () => {
  test.use({ storageState: storageStateOf("nina") });

  test("gets a 404 for another tenant's resource page", async ({ page }) => {
    expect((await page.goto("/t/dev/resources/service/web"))!.status()).toBe(404);
    expect((await page.goto("/t/dev/resources"))!.status()).toBe(404);
  });
});
