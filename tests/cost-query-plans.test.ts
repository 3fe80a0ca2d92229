import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgets } from "@/db/schema";
import { growSeed, removeSeed, startSeed, type Seed } from "@/bench/billing-seed";
import { loadBillingView } from "@/lib/billing/billing-view";
import { monthToDateByTenant, rankTenantsByMonthToDate } from "@/lib/billing/cost-queries";
import { evaluateBudget } from "@/lib/billing/evaluate-budgets";
import { testDatabases, useDatabase } from "./helpers/databases";
import { scansOf, seqScansOn } from "./helpers/explain-plan";

// Enough rows that a plan which reads a whole table costs far more than one that does not: 100
// tenants × 120 days × 15 services (180,000 daily rows), vacuumed and analyzed by the seed.
const [tenantCount, days, today] = [100, 120, "2026-10-20"];
const large = ["cost_daily", "cost_monthly"];

describe.each(testDatabases())("cost query plans on $kind", (target) => {
  const database = useDatabase(target);
  let seed: Seed | undefined;

  beforeAll(async () => {
    seed = await startSeed(database());
    await growSeed(database(), seed, tenantCount, days, today);
  }, 300_000);
  // Registered after useDatabase, so it runs before the database closes.
  afterAll(async () => {
    if (seed) await removeSeed(database(), seed);
  }, 120_000);

  it("sees a sequential scan of a large table when there is one", async () => {
    const found = await seqScansOn(database(), large, (db) =>
      db.execute(sql`select * from cost_daily where amount < 0`),
    );
    expect(found).toEqual(["Seq Scan on cost_daily: select * from cost_daily where amount < 0"]);
  });

  it("ranks admin spend from one month of the tenant totals, reading no daily or per-service rows", async () => {
    const rank = (db: Parameters<typeof rankTenantsByMonthToDate>[0]) =>
      rankTenantsByMonthToDate(db, today, { limit: 50, offset: 0 });
    expect(await seqScansOn(database(), large, rank)).toEqual([]);
    const read = new Set((await scansOf(database(), rank)).map((s) => s.relation));
    expect(read).toContain("cost_monthly_totals");
    expect([...read].filter((relation) => large.includes(relation))).toEqual([]);
  });

  it("reads a tenant's billing page, budget check and a page of month-to-date totals by index", async () => {
    const tenantId = seed!.tenantIds[7]!;
    // Far above what the seed spends: the check reads the month and fires nothing.
    await database()
      .db.insert(budgets)
      .values({ tenantId, monthlyAmount: 1_000_000, thresholds: [100] });
    expect(
      await seqScansOn(database(), large, (db) => loadBillingView(db, tenantId, today.slice(0, 7), today)),
    ).toEqual([]);
    expect(await seqScansOn(database(), large, (db) => evaluateBudget(db, tenantId, today))).toEqual([]);
    expect(
      await seqScansOn(database(), large, (db) => monthToDateByTenant(db, seed!.tenantIds.slice(0, 50), today)),
    ).toEqual([]);
  });
});
