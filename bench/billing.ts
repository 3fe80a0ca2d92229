// npm run bench:billing — cost views on a year of daily cost for 1,000 tenants, on PGlite and (with DATABASE_URL) PostgreSQL
import { sql, type SQLWrapper } from "drizzle-orm";
import { openDatabase, type DatabaseTarget, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { monthByService, rankingQuery, rankTenantsByMonthToDate } from "../lib/billing/cost-queries";
import { addDays, monthBounds } from "../lib/billing/forecast";
import { removeSeed, seedCosts, type Seed } from "./billing-seed";
import { printResults } from "./report";

const tenantCount = Number(process.env.BENCH_TENANTS ?? 1000);
const days = 365;
const runs = Math.max(20, Number(process.env.BENCH_RUNS ?? 20));
// The last day of the previous month: the ranking then reads a whole month, its worst case.
const today = addDays(monthBounds(new Date().toISOString().slice(0, 10)).start, -1);
const month = today.slice(0, 7);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
const ms = (value: number) => +value.toFixed(2);
const indexesOff = ["enable_indexscan", "enable_indexonlyscan", "enable_bitmapscan"].map((setting) => sql.raw(`set local ${setting} = off`));

/** Runs work in a transaction, with index scans off for the baseline. */
const inTransaction = <T>(db: Db, work: (tx: Db) => Promise<T>, baseline = false) =>
  db.transaction(async (tx) => {
    if (baseline) for (const statement of indexesOff) await tx.execute(statement);
    return work(tx as unknown as Db);
  });

/** The plan lines that read cost_daily, such as "Index Only Scan using cost_daily_day_tenant_idx on cost_daily". */
async function costDailyScan(db: Db, query: (tx: Db) => SQLWrapper, baseline = false): Promise<string> {
  const plan = await inTransaction(db, (tx) => tx.execute(sql`explain ${query(tx)}`), baseline);
  const lines = (plan as unknown as { rows: Record<string, string>[] }).rows.map((row) => Object.values(row)[0]!);
  const scans = lines.filter((line) => / on cost_daily/.test(line)).map((line) => line.replace(/^[\s->]+/, "").replace(/\s+\(cost=.*$/, ""));
  return scans.join(" + ") || "(not found)";
}

async function time(run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function benchBilling(target: DatabaseTarget, label: string): Promise<Record<string, string | number>[]> {
  const database = await openDatabase(target);
  let seed: Seed | undefined;
  try {
    await migrateDatabase(database);
    const { db } = database;
    seed = await seedCosts(database, tenantCount, days, today);
    console.log(`${label}: seeded ${seed.rows.toLocaleString("en")} cost rows (${tenantCount} tenants × ${days} days × 15 services) in ${seed.seconds} s`);
    const tenantIds = seed.tenantIds;
    const queries = {
      "monthByService, one tenant": (i: number) => inTransaction(db, (tx) => monthByService(tx, tenantIds[i % tenantIds.length]!, month)),
      "rankTenantsByMonthToDate, top 50": () => inTransaction(db, (tx) => rankTenantsByMonthToDate(tx, today, { limit: 50, offset: 0 })),
      "same ranking, index scans off (baseline)": () => inTransaction(db, (tx) => rankTenantsByMonthToDate(tx, today, { limit: 50, offset: 0 }), true),
    };
    const top = await queries["rankTenantsByMonthToDate, top 50"]();
    if (top.rows.length !== Math.min(50, top.total) || top.total < tenantCount) throw new Error(`unexpected ranking: ${top.rows.length} rows of ${top.total}`);
    const { start, end } = monthBounds(today);
    // The statement monthByService sends, which has no builder of its own to hand over.
    const byService = () => sql`select service, sum(amount) from cost_daily where tenant_id = ${tenantIds[0]} and day >= ${start} and day < ${end} group by service order by 2 desc, 1`;
    const ranking = (tx: Db) => rankingQuery(tx, today, { limit: 50, offset: 0 });
    const plans = [await costDailyScan(db, byService), await costDailyScan(db, ranking), await costDailyScan(db, ranking, true)];
    const times = Object.fromEntries(Object.keys(queries).map((name) => [name, [] as number[]]));
    for (let i = -3; i < runs; i++) {
      for (const [name, query] of Object.entries(queries)) {
        const elapsed = await time(() => query(i + 3));
        if (i >= 0) times[name]!.push(elapsed);
      }
    }
    const baselineP50 = percentile(times["same ranking, index scans off (baseline)"]!, 50);
    return Object.entries(times).map(([query, values], i) => ({
      database: label,
      query,
      costDailyScan: plans[i]!,
      p50Ms: ms(percentile(values, 50)),
      p95Ms: ms(percentile(values, 95)),
      baselineOverP50: +(baselineP50 / percentile(values, 50)).toFixed(1),
    }));
  } finally {
    // The in-memory database is thrown away; a shared PostgreSQL gets back exactly what it had.
    if (seed && database.kind === "postgres") await removeSeed(database, seed).catch((error) => console.error("cleanup failed", error));
    await database.close();
  }
}

const rows = await benchBilling({ memory: true }, "pglite");
if (process.env.DATABASE_URL) rows.push(...(await benchBilling({ url: process.env.DATABASE_URL }, "postgres")));
printResults(
  `billing: ${tenantCount} tenants × ${days} days × 15 services, as of ${today}; ${runs} runs after 3 warm-ups (p50/p95 in ms; baselineOverP50 = baseline p50 / this p50; baseline = the same ranking with index, index-only and bitmap scans off)`,
  rows,
);
