import { afterAll, describe, expect, it } from "vitest";
import { addDays, cents } from "@/lib/billing/forecast";
import { removeTenantCosts } from "@/lib/billing/remove-costs";
import { syncTenantCosts } from "@/lib/billing/sync-costs";
import type { CloudCostDay, CloudDriver } from "@/lib/cloud/contract";
import { rollups, type RollupRow } from "./helpers/costs";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant } from "./helpers/factory";

type Cloud = Map<string, CloudCostDay[]>;
const cloudDriver = (cloud: Cloud) =>
  ({
    readDailyCosts: async (tenant: string, from: string, to: string) =>
      (cloud.get(tenant) ?? []).filter((c) => c.day >= from && c.day < to),
  }) as CloudDriver;

/** Every day from `from` to `to`, both included, of each service at its own daily amount. */
function bill(from: string, to: string, perDay: Record<string, number>): CloudCostDay[] {
  const rows: CloudCostDay[] = [];
  for (let day = from, i = 0; day <= to; day = addDays(day, 1), i++)
    for (const [service, amount] of Object.entries(perDay)) rows.push({ day, service, amount: amount + i / 100 });
  return rows;
}

describe.each(testDatabases())("monthly cost rollups on $kind", (target) => {
  const database = useDatabase(target);
  const tenantIds: string[] = [];
  afterAll(() => removeTenantCosts(database().db, tenantIds));

  it("equal the daily rows' sums after a backfill, restated and dropped days, for each tenant and across a month's end", async () => {
    const { db } = database();
    const [a, b] = [await createTenant(db), await createTenant(db)];
    tenantIds.push(a.id, b.id);
    const cloud: Cloud = new Map([
      [a.name, bill("2026-08-01", "2026-12-02", { "Amazon EC2": 3.1, "Amazon S3": 0.25 })],
      [b.name, bill("2026-10-15", "2026-12-02", { "Amazon RDS": 7 })],
    ]);
    const sync = async (at: string) => {
      for (const tenant of [a, b]) await syncTenantCosts(db, tenant, cloudDriver(cloud), new Date(at));
      const { expected, actual } = await rollups(db, [a.id, b.id]);
      expect(actual).toEqual(expected);
      return actual;
    };

    // The first sync backfills 120 days: August 4 to December 2, five months.
    const of = (rows: RollupRow[], prefix: string) => rows.filter((r) => r.key.startsWith(prefix));
    const first = await sync("2026-12-02T08:00:00Z");
    expect(of(first.totals, a.id).map((t) => t.key.slice(-10))).toEqual([
      "2026-08-01",
      "2026-09-01",
      "2026-10-01",
      "2026-11-01",
      "2026-12-01",
    ]);
    expect(of(first.monthly, b.id)).toHaveLength(3);

    // The cloud restates November 30, drops S3 from December 1, adds KMS to it, and has nothing for December 2 yet.
    const restated = (cloud.get(a.name) ?? []).filter(
      (c) => c.day < "2026-12-01" && !(c.day === "2026-11-30" && c.service === "Amazon EC2"),
    );
    cloud.set(a.name, [
      ...restated,
      { day: "2026-11-30", service: "Amazon EC2", amount: 9.99 },
      { day: "2026-12-01", service: "Amazon EC2", amount: 4 },
      { day: "2026-12-01", service: "AWS KMS", amount: 0.03 },
    ]);
    const second = await sync("2026-12-02T20:00:00Z");
    expect(of(second.monthly, `${a.id} 2026-12-01`)).toEqual([
      { key: `${a.id} 2026-12-01 AWS KMS`, amount: 0.03 },
      { key: `${a.id} 2026-12-01 Amazon EC2`, amount: 4 },
    ]);
    expect(of(second.totals, `${a.id} 2026-12-01`)).toEqual([
      { key: `${a.id} 2026-12-01`, amount: 4.03, days: [4.03, ...Array<number>(30).fill(0)] },
    ]);
    expect(of(second.monthly, `${a.id} 2026-11-01 Amazon EC2`)[0]!.amount).toBe(
      cents(of(first.monthly, `${a.id} 2026-11-01 Amazon EC2`)[0]!.amount - (3.1 + 121 / 100) + 9.99),
    );
    expect(of(second.totals, b.id)).toEqual(of(first.totals, b.id));

    // Then December goes altogether: its rows go with it, November keeps the restated day.
    cloud.set(a.name, restated.concat({ day: "2026-11-30", service: "Amazon EC2", amount: 9.99 }));
    const third = await sync("2026-12-02T21:00:00Z");
    expect(of(third.totals, a.id)).toHaveLength(4);
    expect(of(third.monthly, `${a.id} 2026-12-01`)).toEqual([]);
  });

  it("stay right when two workers sync the same tenant at once", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    tenantIds.push(tenant.id);
    const driver = cloudDriver(
      new Map([[tenant.name, bill("2026-10-01", "2026-12-02", { "Amazon EC2": 2, "Amazon S3": 0.5 })]]),
    );
    const syncs = (at: string) => Promise.all([0, 1].map(() => syncTenantCosts(db, tenant, driver, new Date(at))));
    await syncs("2026-12-02T08:00:00Z");
    await syncs("2026-12-02T09:00:00Z");
    const { expected, actual } = await rollups(db, [tenant.id]);
    expect(actual.totals).toHaveLength(3);
    expect(actual).toEqual(expected);
  });
});
