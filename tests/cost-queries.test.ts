import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costCsv } from "@/lib/billing/cost-csv";
import {
  dailyCostByService,
  monthByService,
  monthlyTotals,
  monthToDateByTenant,
  rankTenantsByMonthToDate,
  tenantCostSummary,
} from "@/lib/billing/cost-queries";
import { forecastMonthEnd, monthBounds } from "@/lib/billing/forecast";
import { removeTenantCosts } from "@/lib/billing/remove-costs";
import { insertCosts } from "./helpers/costs";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant } from "./helpers/factory";

describe("month bounds and forecast", () => {
  it("bounds a month, across year ends and leap days", () => {
    expect(monthBounds("2026-03-15")).toEqual({
      month: "2026-03",
      start: "2026-03-01",
      end: "2026-04-01",
      daysInMonth: 31,
      daysElapsed: 15,
      previousStart: "2026-02-01",
    });
    expect(monthBounds("2026-01-01")).toMatchObject({
      start: "2026-01-01",
      end: "2026-02-01",
      daysElapsed: 1,
      previousStart: "2025-12-01",
    });
    expect(monthBounds("2025-12-31")).toMatchObject({ end: "2026-01-01", daysInMonth: 31, daysElapsed: 31 });
    expect(monthBounds("2024-02-29")).toMatchObject({ daysInMonth: 29, daysElapsed: 29, previousStart: "2024-01-01" });
    for (const bad of ["2026-02-30", "2026-3-1", "today"]) expect(() => monthBounds(bad)).toThrow(RangeError);
  });

  it("adds the average of the last 7 complete days for each day left, today included", () => {
    // Days 3..9 average 80/7; today (4 so far) is topped up to that average.
    expect(forecastMonthEnd(104, [10, 10, 10, 10, 10, 10, 10, 10, 20, 4], 30)).toBeCloseTo(104 - 4 + 21 * (80 / 7), 9);
    expect(forecastMonthEnd(15, [6, 8, 1], 30)).toBe(15 + 6 + 7 * 27);
    expect(forecastMonthEnd(50, [10, 10, 30], 30)).toBe(50 + 10 * 27);
    expect(forecastMonthEnd(293, [...Array<number>(29).fill(10), 3], 30)).toBe(300);
  });

  it("forecasts what has been spent when there is no complete day to go by", () => {
    expect(forecastMonthEnd(5, [5], 31)).toBe(5);
    expect(forecastMonthEnd(0, [], 30)).toBe(0);
  });
});

describe("cost CSV", () => {
  it("rounds each line to cents and totals the rounded lines", () => {
    const rows = ["compute", "storage", "network"].map((service) => ({ day: "2026-03-01", service, amount: 1 / 3 }));
    expect(costCsv(rows)).toBe(
      "day,service,amount_usd\n2026-03-01,compute,0.33\n2026-03-01,storage,0.33\n2026-03-01,network,0.33\ntotal,,0.99\n",
    );
    expect(
      costCsv([
        { day: "2026-03-01", service: "credit", amount: -1.5 },
        { day: "2026-03-01", service: "x", amount: -0.001 },
      ]),
    ).toBe("day,service,amount_usd\n2026-03-01,credit,-1.50\n2026-03-01,x,0.00\ntotal,,-1.50\n");
  });

  it("neutralises formulas and quotes cells that need it", () => {
    const services = ['=HYPERLINK("http://x","y")', "+1", "-cmd", "@sum", 'say "hi", then', "\tx"];
    const lines = costCsv(services.map((service) => ({ day: "2026-03-01", service, amount: 1 })))
      .split("\n")
      .slice(1, -2);
    expect(lines).toEqual([
      `2026-03-01,"'=HYPERLINK(""http://x"",""y"")",1.00`,
      "2026-03-01,'+1,1.00",
      "2026-03-01,'-cmd,1.00",
      "2026-03-01,'@sum,1.00",
      `2026-03-01,"say ""hi"", then",1.00`,
      "2026-03-01,'\tx,1.00",
    ]);
  });
});

describe.each(testDatabases())("cost queries on $kind", (target) => {
  const database = useDatabase(target);
  const [a, b] = [randomUUID(), randomUUID()];
  const tenantIds: string[] = [a, b];
  const cost = (tenantId: string, day: string, service: string, amount: number) => ({ tenantId, day, service, amount });
  const today = "2026-03-10";

  beforeAll(async () => {
    const march = Array.from({ length: 9 }, (_, i) => cost(a, `2026-03-0${i + 1}`, "compute", 10));
    await insertCosts(database().db, [
      ...march,
      cost(a, "2026-03-03", "storage", 0.5),
      cost(a, "2026-03-04", "storage", 0.5),
      cost(a, "2026-03-09", "network", 1.25),
      cost(a, today, "compute", 2),
      cost(a, "2026-02-01", "compute", 2.5),
      cost(a, "2026-02-05", "storage", 1.25),
      cost(a, "2026-02-10", "compute", 4),
      cost(a, "2026-02-28", "network", 8),
      cost(a, "2025-12-31", "compute", 3),
      cost(b, "2026-03-05", "compute", 1000),
      cost(b, "2026-02-05", "compute", 1000),
    ]);
  });
  // cost_daily has no foreign key to tenants: remove our rows ourselves in a shared database.
  afterAll(async () => {
    await removeTenantCosts(database().db, tenantIds);
  });

  it("lists one tenant's days by day and service, and its month by service, most expensive first", async () => {
    const { db } = database();
    expect(await dailyCostByService(db, a, "2026-03-03", "2026-03-05")).toEqual([
      { day: "2026-03-03", service: "compute", amount: 10 },
      { day: "2026-03-03", service: "storage", amount: 0.5 },
      { day: "2026-03-04", service: "compute", amount: 10 },
      { day: "2026-03-04", service: "storage", amount: 0.5 },
    ]);
    expect(await monthByService(db, a, "2026-03")).toEqual([
      { service: "compute", amount: 92 },
      { service: "network", amount: 1.25 },
      { service: "storage", amount: 1 },
    ]);
    expect(await monthByService(db, a, "2026-01")).toEqual([]);
  });

  it("totals months with the empty ones as 0", async () => {
    expect(await monthlyTotals(database().db, a, "2025-11", "2026-04")).toEqual([
      { month: "2025-11", amount: 0 },
      { month: "2025-12", amount: 3 },
      { month: "2026-01", amount: 0 },
      { month: "2026-02", amount: 15.75 },
      { month: "2026-03", amount: 94.25 },
      { month: "2026-04", amount: 0 },
    ]);
  });

  it("summarises this month against the previous one, whole and to the same day", async () => {
    const summary = await tenantCostSummary(database().db, a, today);
    expect(summary).toMatchObject({
      month: "2026-03",
      monthToDate: 94.25,
      previousMonth: 15.75,
      previousMonthToSameDay: 7.75,
    });
    // Days 3..9 are the last 7 complete days: 72.25 in all.
    expect(summary.forecast).toBeCloseTo(94.25 - 2 + 22 * (72.25 / 7), 9);
    expect(await tenantCostSummary(database().db, a, "2026-03-31")).toMatchObject({ previousMonthToSameDay: 15.75 });
    expect(await tenantCostSummary(database().db, a, "2026-04-01")).toEqual({
      month: "2026-04",
      monthToDate: 0,
      forecast: 0,
      previousMonth: 94.25,
      previousMonthToSameDay: 10,
    });
  });

  it("exports the days of a month as CSV whose total matches the month by service", async () => {
    const { db } = database();
    const csv = costCsv(await dailyCostByService(db, a, "2026-03-01", "2026-04-01"));
    const lines = csv.trimEnd().split("\n");
    expect(lines).toHaveLength(1 + 13 + 1);
    expect(lines[1]).toBe("2026-03-01,compute,10.00");
    const pageTotal = (await monthByService(db, a, "2026-03")).reduce((sum, row) => sum + row.amount, 0);
    expect(lines.at(-1)).toBe(`total,,${pageTotal.toFixed(2)}`);
  });

  it("ranks tenants by month-to-date, a page at a time, leaving deleted tenants out unless asked", async () => {
    const { db } = database();
    // A month no other run uses, so the top of the ranking is this test's on a shared database.
    const day = `${2200 + randomInt(700)}-05-10`;
    const spend = [40, 30, 20, 10];
    const ranked = await Promise.all(spend.map(() => createTenant(db)));
    const deleted = await createTenant(db, { status: "deleted" });
    tenantIds.push(...ranked.map((t) => t.id), deleted.id);
    const first = ranked[0]!.id;
    const daily = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1.5];
    const firstDays = daily.map((amount, i) =>
      cost(first, `${day.slice(0, 8)}${String(i + 1).padStart(2, "0")}`, "compute", amount),
    );
    await insertCosts(db, [
      ...firstDays,
      ...ranked.slice(1).map((t, i) => cost(t.id, day, "compute", spend[i + 1]!)),
      cost(deleted.id, day, "compute", 100),
    ]);
    const firstSpend = daily.reduce((sum, amount) => sum + amount, 0);

    const page = await rankTenantsByMonthToDate(db, day, { limit: 4, offset: 0 });
    expect(page.rows.map((r) => [r.tenantId, r.monthToDate])).toEqual([
      [first, firstSpend],
      ...ranked.slice(1).map((t, i) => [t.id, spend[i + 1]]),
    ]);
    expect(page.rows[0]).toMatchObject({ name: ranked[0]!.name, status: "ready" });
    expect(page.rows[0]!.forecast).toBeCloseTo((await tenantCostSummary(db, first, day)).forecast, 9);
    expect(page.rows[0]!.forecast).toBeCloseTo(forecastMonthEnd(firstSpend, daily, 31), 9);
    // Nothing on the complete days before today: the forecast stays at what today already spent.
    expect(page.rows[1]!.forecast).toBe(30);

    const second = await rankTenantsByMonthToDate(db, day, { limit: 2, offset: 1 });
    expect(second.rows.map((r) => r.tenantId)).toEqual([ranked[1]!.id, ranked[2]!.id]);
    expect(second.total).toBe(page.total);
    const withDeleted = await rankTenantsByMonthToDate(db, day, { limit: 1, offset: 0, includeDeleted: true });
    expect(withDeleted.rows).toMatchObject([{ tenantId: deleted.id, status: "deleted", monthToDate: 100 }]);
    expect(withDeleted.total).toBeGreaterThan(page.total);
    const past = await rankTenantsByMonthToDate(db, day, { limit: 10, offset: 1_000_000 });
    expect(past.rows).toEqual([]);
    expect(past.total).toBeGreaterThanOrEqual(page.total);
    if (target.kind === "pglite") expect([page.total, withDeleted.total, past.total]).toEqual([4, 5, 4]);

    const batch = await monthToDateByTenant(db, [first, ranked[3]!.id, a], day);
    expect(batch).toEqual(
      new Map([
        [first, firstSpend],
        [ranked[3]!.id, 10],
        [a, 0],
      ]),
    );
  });
});
