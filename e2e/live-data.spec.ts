import { expect, test, waitingForHydration, type Page } from "./support/test";
import { storageStateOf } from "./support/personas";

const suffix = () => Math.random().toString(36).slice(2, 8);
// Set on the window when a test starts: still there at the end means the page was never reloaded.
const markPage = (page: Page) =>
  page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));
const stillSamePage = (page: Page) =>
  page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded === true);

test.describe("an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sees a new user in the users table as soon as it is created", async ({ page }) => {
    const email = `listed-${suffix()}@e2e.enclave.local`;
    await page.goto("/admin/users");
    await page.getByRole("button", { name: "New user" }).click();
    const form = page.getByRole("form", { name: "New user" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill(`Listed ${email}`);
    await form.getByLabel("Initial password").fill(`orbit-lantern-${suffix()}-ridge`);
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("status").filter({ hasText: email })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: email })).toBeVisible();
  });
});

test.describe("a write user watching alerts", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("sees a new alert in the list and the navigation badge without reloading", async ({ page, context }) => {
    await page.goto("/t/dev/alerts");
    await markPage(page);
    const name = `Live CPU ${suffix()}`;
    // Another tab adds a rule CPU always breaches; the worker opens its alert on the server.
    const other = await context.newPage();
    await other.goto("/t/dev/alerts");
    const form = other.getByRole("form", { name: "New alert rule" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Threshold").fill("1");
    await form.getByLabel("Window (minutes)").fill("5");
    await form.getByRole("button", { name: "Add rule" }).click();
    await expect(other.getByRole("table", { name: "Alert rules" })).toContainText(name);
    await other.close();

    const row = page.getByRole("table", { name: "Alerts" }).getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("open", { timeout: 60_000 });
    const badge = page.getByRole("navigation", { name: "Main" }).getByLabel(/\d+ unresolved/);
    await expect
      .poll(async () => {
        const { unresolved } = (await (await page.request.get("/api/t/dev/alerts/summary")).json()) as {
          unresolved: number;
        };
        return (await badge.getAttribute("aria-label")) === `${unresolved} unresolved`;
      })
      .toBe(true);
    expect(await stillSamePage(page)).toBe(true);
    await row.getByRole("button", { name: "Resolve" }).click();
    await expect(row).toHaveCount(0);
  });
});

test.describe("a read user choosing a metrics range", () => {
  test.use({ storageState: storageStateOf("bob") });

  test("keeps the range in the URL, labels each day once, and shows the custom range it charts", async ({ page }) => {
    await page.goto("/t/dev/metrics");
    const showing = page.getByText(/^Showing the whole tenant/);
    await page.getByRole("button", { name: "7 days" }).click();
    await expect(page).toHaveURL(/\?range=7d$/);
    await expect(showing).toContainText("over the last 7 days");
    await page.reload();
    await expect(page.getByRole("button", { name: "7 days" })).toHaveAttribute("aria-pressed", "true");
    await expect(showing).toContainText("over the last 7 days");
    const ticks = page
      .getByRole("img", { name: "CPU chart" })
      .locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value");
    await expect(ticks.first()).toBeAttached();
    const labels = await ticks.allTextContents();
    expect(new Set(labels).size, labels.join(", ")).toBe(labels.length);

    // Custom starts from the window on screen; the charts change only once it is applied.
    await page.getByRole("button", { name: "Custom" }).click();
    const custom = page.getByRole("form", { name: "Custom range" });
    const from = Date.parse(`${await custom.getByLabel("From (UTC)").inputValue()}:00Z`);
    expect(Math.abs(Date.now() - 7 * 86_400_000 - from)).toBeLessThan(10 * 60_000);
    await expect(showing).toContainText("over the last 7 days");
    const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    await custom.getByLabel("From (UTC)").fill(minute(hour - 3 * 3_600_000));
    await custom.getByLabel("To (UTC)").fill(minute(hour - 3_600_000));
    await custom.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/\?from=.+&to=.+$/);
    await expect(showing).not.toContainText("last 7 days");
    await expect(showing).toContainText(" to ");
    await expect(page.getByText("Updating…")).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/metrics-custom.png", fullPage: true });
    const applied = await showing.textContent();
    await page.reload();
    await expect(showing).toHaveText(applied!);
    await expect(page.getByRole("form", { name: "Custom range" }).getByLabel("To (UTC)")).toHaveValue(
      minute(hour - 3_600_000),
    );
  });
});

test.describe("an admin whose tenant is deleted in another tab", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("sees the tenant gone, and no page goes on asking about it", async ({ page, context }) => {
    test.slow();
    const name = `gone-${suffix()}`;
    await page.goto("/tenants/new");
    const form = page.getByRole("form", { name: "New tenant" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Infrastructure").selectOption({ label: "local (local, local)" });
    await form.getByRole("button", { name: "Create tenant" }).click();
    await expect(page.getByRole("heading", { name: "Provisioned" })).toBeVisible({ timeout: 90_000 });

    // A second tab stays on the tenant's alerts page, its timers under the test's control.
    const watcher = waitingForHydration(await context.newPage());
    await watcher.clock.install();
    const asked: string[] = [];
    watcher.on("request", (r) => void (r.url().includes(`/api/t/${name}/`) && asked.push(r.url())));
    await watcher.goto(`/t/${name}/alerts`);
    await expect(watcher.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();

    await page.goto(`/t/${name}/settings`);
    await page.getByRole("switch", { name: "Deletion protection" }).click();
    await expect(page.getByRole("switch", { name: "Deletion protection" })).toHaveAttribute("aria-checked", "false");
    await page.getByRole("region", { name: "Danger zone" }).getByRole("button", { name: "Delete tenant" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete ${name}?` });
    await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
    await dialog.getByRole("button", { name: "Delete tenant" }).click();
    await expect(page).toHaveURL(new RegExp(`/tenants\\?deleted=${name}$`), { timeout: 90_000 });

    const gone = watcher.waitForResponse((r) => r.url().includes(`/api/t/${name}/`) && r.status() === 404);
    await watcher.clock.fastForward("00:30");
    await gone;
    await expect(watcher.getByText(/not found/i).first()).toBeVisible();
    const before = asked.length;
    await watcher.clock.fastForward("05:00");
    // Whatever the page asks for now, the tenant list answers last; it must be the only new request.
    await watcher.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "All tenants" }).click();
    await expect(watcher.getByRole("heading", { name: "Tenants", level: 1 })).toBeVisible();
    expect(asked.slice(before)).toEqual([]);
  });
});
