import type { Locator, Request } from "@playwright/test";
import { expect, hydrated, test, type Page } from "./support/test";
import { storageStateOf } from "./support/personas";

const shots = "test-results/screenshots";

/** The text of one column's cells, top to bottom; `attribute` reads e.g. a <time>'s datetime instead. */
const columnValues = (table: Locator, index: number, selector = "td", attribute?: string) =>
  table.locator("tbody tr").evaluateAll(
    (rows, [i, sel, attr]) =>
      rows.map((r) => {
        const cell = r.children[i as number]!;
        const target = sel === "td" ? cell : (cell.querySelector(sel as string) ?? cell);
        return attr ? (target.getAttribute(attr as string) ?? "") : (target.textContent ?? "").trim();
      }),
    [index, selector, attribute],
  );
const inOrder = (values: number[], dir: "ascending" | "descending") =>
  values.every((v, i) => i === 0 || (dir === "ascending" ? values[i - 1]! <= v : values[i - 1]! >= v));

async function sortBy(page: Page, table: Locator, column: RegExp, dir: "ascending" | "descending") {
  const header = table.getByRole("columnheader", { name: column });
  for (let clicks = 0; clicks < 2 && (await header.getAttribute("aria-sort")) !== dir; clicks++) {
    const before = page.url();
    await header.getByRole("link").click();
    await expect(page).not.toHaveURL(before);
  }
  await expect(header).toHaveAttribute("aria-sort", dir);
}

test.describe("an admin sorting and filtering long lists on the server", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("keeps the users' filters when sorting, and the sort when filtering", async ({ page }) => {
    await page.goto("/admin/users?role=user&q=enclave");
    const users = page.getByRole("table", { name: "Users" });
    await sortBy(page, users, /Last sign-in/, "ascending");
    await expect(page).toHaveURL(/role=user/);
    await expect(page).toHaveURL(/q=enclave/);
    await expect(page).toHaveURL(/sort=lastSignInAt&dir=asc/);
    await page.getByRole("search", { name: "Find users" }).getByLabel("Role").selectOption("admin");
    await page.getByRole("search", { name: "Find users" }).getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/role=admin/);
    await hydrated(page);
    await expect(page).toHaveURL(/sort=lastSignInAt&dir=asc/);
    await expect(users.getByRole("columnheader", { name: /Last sign-in/ })).toHaveAttribute("aria-sort", "ascending");
    await expect(users.getByRole("row").nth(1)).toContainText("admin");
  });

  test("sorts the audit log by time and by action either way, and filters it keeping the sort", async ({ page }) => {
    // Two events of the admin's own, so the filtered list is known whatever else ran before.
    const rule = `Audit sorting ${Math.random().toString(36).slice(2, 7)}`;
    await page.goto("/t/dev/alerts");
    const rules = page.getByRole("form", { name: "New alert rule" });
    await rules.getByLabel("Name").fill(rule);
    await rules.getByLabel("Threshold").fill("1000");
    await rules.getByLabel("Window (minutes)").fill("5");
    await rules.getByRole("button", { name: "Add rule" }).click();
    const row = page.getByRole("table", { name: "Alert rules" }).getByRole("row").filter({ hasText: rule });
    await row.getByRole("button", { name: "Delete" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete rule" }).click();
    await expect(row).toHaveCount(0);

    await page.goto("/admin/audit");
    const events = page.getByRole("table", { name: "Audit events" });
    const times = async () => (await columnValues(events, 0, "time", "datetime")).map((t) => Date.parse(t));
    await expect(events.getByRole("columnheader", { name: /When/ })).toHaveAttribute("aria-sort", "descending");
    expect(inOrder(await times(), "descending")).toBe(true);
    await sortBy(page, events, /When/, "ascending");
    await expect(page).toHaveURL(/sort=at&dir=asc/);
    const oldestFirst = await times();
    expect(oldestFirst.length).toBeGreaterThan(1);
    expect(inOrder(oldestFirst, "ascending")).toBe(true);

    await page.getByLabel("Who (email)").fill("admin@enclave.local");
    await page.getByLabel("Action starts with").fill("alert_rule.");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/actor=admin%40enclave.local&action=alert_rule.*sort=at&dir=asc/);
    await hydrated(page);
    await expect(events.getByRole("row").nth(1)).toContainText("admin@enclave.local");
    expect(new Set(await columnValues(events, 1))).toEqual(new Set(["admin@enclave.local"]));
    expect(inOrder(await times(), "ascending")).toBe(true);

    await sortBy(page, events, /What/, "descending");
    await expect(page).toHaveURL(/actor=admin%40enclave.local&action=alert_rule.*sort=action&dir=desc/);
    await expect(events.getByRole("row").nth(1).locator("code")).toHaveText("alert_rule.deleted");
    await sortBy(page, events, /What/, "ascending");
    await expect(events.getByRole("row").nth(1).locator("code")).toHaveText("alert_rule.created");
    await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", /sort=action&dir=asc/);
    await page.screenshot({ path: `${shots}/audit-sorted-filtered.png`, fullPage: true });
  });

  test("sorts tenant spend by name and by month to date, and filters it by tenant name", async ({ page }) => {
    await page.goto("/admin/billing");
    const spend = page.getByRole("table", { name: "Tenants by month-to-date spend" });
    const names = () => columnValues(spend, 1);
    const amounts = async () => (await columnValues(spend, 2)).map((t) => Number(t.replace(/[^0-9.]/g, "")));
    const find = page.getByRole("search", { name: "Find tenants" });
    await find.getByRole("searchbox", { name: "Tenant" }).fill("e");
    await find.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=e/);
    await hydrated(page);
    expect((await names()).every((n) => n.includes("e"))).toBe(true);

    await sortBy(page, spend, /Tenant/, "ascending");
    await expect(page).toHaveURL(/q=e/);
    const ascending = await names();
    await sortBy(page, spend, /Tenant/, "descending");
    expect(await names()).toEqual([...ascending].reverse());
    expect(ascending.length).toBeGreaterThan(1);

    await sortBy(page, spend, /Month to date/, "ascending");
    expect(inOrder(await amounts(), "ascending")).toBe(true);
    await sortBy(page, spend, /Month to date/, "descending");
    expect(inOrder(await amounts(), "descending")).toBe(true);
    await expect(page).toHaveURL(/q=e/);
    await find.getByRole("searchbox", { name: "Tenant" }).fill("dev");
    await find.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=dev/);
    await expect(page).toHaveURL(/sort=monthToDate&dir=desc/);
    // The URL changes before the server's filtered page replaces the table: wait for the table.
    await expect.poll(names).toContain("dev");
    await page.screenshot({ path: `${shots}/spend-sorted-filtered.png`, fullPage: true });
  });

  test("loads no page per row in advance: only the navigation's links are prefetched", async ({ page }) => {
    const rowPages = /^\/(t\/[^/]+|admin\/users\/[0-9a-f-]{36})/;
    const isPrefetch = (request: Request) => request.headers()["next-router-prefetch"] !== undefined;
    for (const [list, navigation] of [
      ["/admin/billing", "/admin/users"],
      ["/admin/users", "/admin/audit"],
      ["/tenants", "/admin/users"],
    ] as const) {
      const prefetched: string[] = [];
      const record = (request: Request) => isPrefetch(request) && prefetched.push(new URL(request.url()).pathname);
      page.on("request", record);
      // The side navigation's prefetch shows that the links in view have been prefetched, rows among them.
      const navigationPrefetched = page.waitForRequest(
        (r) => isPrefetch(r) && new URL(r.url()).pathname === navigation,
      );
      await page.goto(list);
      await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
      await navigationPrefetched;
      await page.waitForLoadState("networkidle");
      page.off("request", record);
      expect(
        prefetched.filter((path) => rowPages.test(path)),
        list,
      ).toEqual([]);
    }
  });
});

test.describe("a write user sorting and filtering a tenant's alerts", () => {
  test.use({ storageState: storageStateOf("alice") });

  test("sorts the alerts by severity either way and filters by severity, keeping the sort", async ({ page }) => {
    const suffix = Math.random().toString(36).slice(2, 7);
    await page.goto("/t/dev/alerts");
    const rules = page.getByRole("form", { name: "New alert rule" });
    // CPU is never below 8%: both rules open an alert at the worker's next evaluation.
    for (const severity of ["critical", "info"]) {
      await rules.getByLabel("Name").fill(`Sorting ${severity} ${suffix}`);
      await rules.getByLabel("Threshold").fill("1");
      await rules.getByLabel("Window (minutes)").fill("5");
      await rules.getByLabel("Severity").selectOption(severity);
      await rules.getByRole("button", { name: "Add rule" }).click();
      await expect(page.getByRole("table", { name: "Alert rules" })).toContainText(`Sorting ${severity} ${suffix}`);
    }
    const alerts = page.getByRole("table", { name: "Alerts" });
    await expect(async () => {
      await page.reload();
      await expect(alerts.getByRole("row").filter({ hasText: suffix })).toHaveCount(2, { timeout: 1_000 });
    }).toPass({ timeout: 90_000 });

    const rank = { info: 0, warning: 1, critical: 2 } as Record<string, number>;
    const severities = async () => (await columnValues(alerts, 0)).map((s) => rank[s]!);
    await sortBy(page, alerts, /Severity/, "descending");
    await expect(page).toHaveURL(/sort=severity&dir=desc/);
    expect(inOrder(await severities(), "descending")).toBe(true);
    await expect(alerts.getByRole("row").nth(1)).toContainText("critical");
    await sortBy(page, alerts, /Severity/, "ascending");
    expect(inOrder(await severities(), "ascending")).toBe(true);
    await expect(alerts.getByRole("row").nth(1)).toContainText("info");

    await page.getByRole("form", { name: "Filter alerts" }).getByLabel("Severity").selectOption("critical");
    await page.getByRole("form", { name: "Filter alerts" }).getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/severity=critical/);
    await hydrated(page);
    await expect(page).toHaveURL(/sort=severity&dir=asc/);
    await expect(alerts.getByRole("row").filter({ hasText: `Sorting critical ${suffix}` })).toHaveCount(1);
    await expect(alerts.getByRole("row").filter({ hasText: `Sorting info ${suffix}` })).toHaveCount(0);
    expect(new Set(await severities())).toEqual(new Set([2]));

    // The live list still acts in place, in the sorted and filtered view.
    const hot = alerts.getByRole("row").filter({ hasText: `Sorting critical ${suffix}` });
    await hot.getByRole("button", { name: "Resolve" }).click();
    await expect(hot).toHaveCount(0);
    await expect(page).toHaveURL(/severity=critical&sort=severity&dir=asc/);
    await page.screenshot({ path: `${shots}/alerts-sorted-filtered.png`, fullPage: true });

    for (const severity of ["critical", "info"]) {
      const row = page
        .getByRole("table", { name: "Alert rules" })
        .getByRole("row")
        .filter({ hasText: `Sorting ${severity} ${suffix}` });
      await row.getByRole("button", { name: "Delete" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Delete rule" }).click();
      await expect(row).toHaveCount(0);
    }
  });
});
