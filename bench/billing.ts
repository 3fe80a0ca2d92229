// npm run bench:billing — admin spend and a tenant's month, from the monthly rollups and (baseline) from
// the daily rows, at 250, 500 and 1,000 tenants × 365 days × 15 services, on PGlite and (with DATABASE_URL) PostgreSQL
import type { SQLWrapper } from "drizzle-orm";
import { openDatabase, type DatabaseTarget, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { monthByService, rankingQuery, rankTenantsByMonthToDate } from "../lib/billing/cost-queries";
import { addDays, monthBounds } from "../lib/billing/forecast";
import { dailyMonthByServiceQuery, dailyRanking, dailyRankingQuery } from "./billing-baseline";
import { costTableReads } from "./billing-plan";
import { growSeed, removeSeed, serviceCount, startSeed, type Seed } from "./billing-seed";
import { printResults } from "./report";

const stages = (process.env.BENCH_TENANTS ?? "250,500,1000").split(",").map(Number);
const days = 365;
const runs = Math.max(20, Number(process.env.BENCH_RUNS ?? 20));
// The last day of the previous month: the old ranking then reads a whole month, its worst case.
const today = addDays(monthBounds(new Date().toISOString().slice(0, 10)).start, -1);
const month = today.slice(0, 7);
const page = { limit: 50, offset: 0 };
const explains = 7;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
const ms = (value: number) => +value.toFixed(2);
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));

type Query = { run: (i: number) => Promise<unknown>; plan: () => SQLWrapper; baseline?: string };

function queries(db: Db, tenantIds: string[]): Record<string, Query> {
  const tenant = (i: number) => tenantIds[i % tenantIds.length]!;
  return {
    "admin spend, top 50: rollup": {
      run: () => rankTenantsByMonthToDate(db, today, page),
      plan: () => rankingQuery(db, today, page),
      baseline: "admin spend, top 50: daily rows (old)",
    },
    "admin spend, top 50: daily rows (old)": {
      run: () => dailyRanking(db, today, page.limit),
      plan: () => dailyRankingQuery(db, today, page.limit),
    },
    "tenant month by service: rollup": {
      run: async (i) => monthByService(db, tenant(i), month),
      plan: () => monthByService(db, tenant(0), month),
      baseline: "tenant month by service: daily rows (old)",
    },
    "tenant month by service: daily rows (old)": {
      run: async (i) => dailyMonthByServiceQuery(db, tenant(i), month),
      plan: () => dailyMonthByServiceQuery(db, tenant(0), month),
    },
  };
}

/** The rollup's first page must be the old query's: the same tenants, totals and forecasts. */
async function checkSameRanking(db: Db): Promise<number> {
  const [fresh, old] = [await rankTenantsByMonthToDate(db, today, page), await dailyRanking(db, today, page.limit)];
  const same =
    fresh.rows.length === old.length &&
    fresh.rows.every(
      (r, i) =>
        r.tenantId === old[i]!.tenantId &&
        near(r.monthToDate, old[i]!.monthToDate) &&
        near(r.forecast, old[i]!.forecast),
    );
  if (!same) throw new Error("the rollup ranking differs from the daily-rows ranking");
  return fresh.total;
}

async function measure(db: Db, seed: Seed, label: string) {
  const tenants = await checkSameRanking(db);
  const all = queries(db, seed.tenantIds);
  const times = Object.fromEntries(Object.keys(all).map((name) => [name, [] as number[]]));
  for (let i = -3; i < runs; i++) {
    for (const [name, query] of Object.entries(all)) {
      const started = performance.now();
      await query.run(i + 3);
      if (i >= 0) times[name]!.push(performance.now() - started);
    }
  }
  const explained = Object.fromEntries(
    Object.keys(all).map((name) => [name, [] as Awaited<ReturnType<typeof costTableReads>>[]]),
  );
  for (let i = 0; i < explains; i++)
    for (const [name, query] of Object.entries(all)) explained[name]!.push(await costTableReads(db, query.plan()));
  const serverP50 = (name: string) =>
    percentile(
      explained[name]!.map((e) => e.executionMs),
      50,
    );
  return Object.entries(all).map(([name, query]) => {
    const [p50, reads] = [percentile(times[name]!, 50), explained[name]!.at(-1)!];
    return {
      database: label,
      tenants,
      query: name,
      costTableScans: reads.scans,
      costRowsRead: reads.rows,
      p50Ms: ms(p50),
      p95Ms: ms(percentile(times[name]!, 95)),
      oldOverNew: query.baseline ? +(percentile(times[query.baseline]!, 50) / p50).toFixed(1) : "",
      serverP50Ms: ms(serverP50(name)),
      serverOldOverNew: query.baseline ? +(serverP50(query.baseline) / serverP50(name)).toFixed(1) : "",
    };
  });
}

async function benchBilling(target: DatabaseTarget, label: string): Promise<Record<string, string | number>[]> {
  const database = await openDatabase(target);
  let seed: Seed | undefined;
  try {
    await migrateDatabase(database);
    seed = await startSeed(database);
    const rows: Record<string, string | number>[] = [];
    for (const count of stages) {
      await growSeed(database, seed, count - seed.tenantIds.length, days, today);
      console.log(
        `${label}: ${seed.rows.toLocaleString("en")} cost rows (${seed.tenantIds.length} tenants × ${days} days × ${serviceCount} services), seeded in ${seed.seconds} s so far`,
      );
      rows.push(...(await measure(database.db, seed, label)));
    }
    // Each query's server time against its own at the first tenant count: how it grows with tenants.
    return rows.map((row) => ({
      ...row,
      serverVsFirst: +(
        (row.serverP50Ms as number) / (rows.find((r) => r.query === row.query)!.serverP50Ms as number)
      ).toFixed(2),
    }));
  } finally {
    // The in-memory database is thrown away; a shared PostgreSQL gets back exactly what it had.
    if (seed && database.kind === "postgres")
      await removeSeed(database, seed).catch((error) => console.error("cleanup failed", error));
    await database.close();
  }
}

const rows = await benchBilling({ memory: true }, "pglite");
if (process.env.DATABASE_URL) rows.push(...(await benchBilling({ url: process.env.DATABASE_URL }, "postgres")));
printResults(
  `billing: ${stages.join(", ")} tenants × ${days} days × ${serviceCount} services, as of ${today}; ${runs} runs after 3 warm-ups, the four queries taking turns (p50/p95 in ms; costRowsRead = rows the scans of cost_* tables read (returned or filtered out), from EXPLAIN ANALYZE; oldOverNew = the old query's p50 / this p50 at the same tenant count; serverP50Ms = the median execution time the database reports over ${explains} EXPLAIN (ANALYZE, TIMING OFF), without the round trip, and serverOldOverNew the same ratio of those; serverVsFirst = this serverP50Ms / the same query's at ${stages[0]} tenants)`,
  rows,
);
