// The 24-hour tenant-wide chart query on 1,000,000 points of one tenant among 50 tenants' data, against index scans turned off
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase, type Database, type DatabaseTarget, type Db } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { queryMetrics } from "../lib/telemetry/metric-queries";

const tenantPoints = Number(process.env.BENCH_TENANT_POINTS ?? 1_000_000);
const neighbourPoints = Number(process.env.BENCH_NEIGHBOUR_POINTS ?? 100_000);
const tenantCount = 50;
const runs = Math.max(20, Number(process.env.BENCH_RUNS ?? 20));
const loadBudgetMs = Number(process.env.BENCH_LOAD_BUDGET_MS ?? 240_000);
const metrics = ["cpu", "memory", "network_in", "network_out", "requests"];

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
const ms = (value: number) => +value.toFixed(2);

/** points = resources × 5 metrics × minutes back from now, in one generate_series statement. */
async function loadTenant(database: Database, tenantId: string, points: number, resources: number, now: Date) {
  const minutes = Math.ceil(points / resources / metrics.length);
  await database.executeSql(`
    insert into metric_points (tenant_id, resource, metric, at, value)
    select '${tenantId}'::uuid, 'resource-' || r, m, '${now.toISOString()}'::timestamptz - make_interval(mins => i), random() * 100
    from generate_series(1, ${resources}) r, unnest(array['${metrics.join("','")}']) m, generate_series(1, ${minutes}) i
    on conflict do nothing`);
  return resources * metrics.length * minutes;
}

async function time(run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export async function benchMetrics(target: DatabaseTarget, label: string): Promise<Record<string, string | number>[]> {
  const database = await openDatabase(target);
  await migrateDatabase(database);
  const { db } = database;
  const ids = Array.from({ length: tenantCount }, () => randomUUID());
  const now = new Date();
  try {
    const started = performance.now();
    let loaded = await loadTenant(database, ids[0]!, tenantPoints, 20, now);
    let neighbours = 0;
    // PGlite is scaled down by time: neighbours stop loading once the budget is spent.
    while (neighbours < tenantCount - 1 && performance.now() - started < loadBudgetMs)
      loaded += await loadTenant(database, ids[++neighbours]!, neighbourPoints, 10, now);
    await database.executeSql("analyze metric_points");
    const loadSeconds = +((performance.now() - started) / 1000).toFixed(1);

    const chart = (tx: Db) =>
      queryMetrics(tx, ids[0]!, { metric: "cpu", from: new Date(now.getTime() - 86_400_000), to: now, points: 300 });
    const indexed = () => db.transaction(async (tx) => chart(tx as unknown as Db));
    const baseline = () =>
      db.transaction(async (tx) => {
        for (const setting of ["enable_indexscan", "enable_bitmapscan", "enable_indexonlyscan"])
          await tx.execute(sql.raw(`set local ${setting} = off`));
        return chart(tx as unknown as Db);
      });
    const check = await indexed();
    if (check.series[0]!.points.length === 0 || check.series[0]!.points.length > 300)
      throw new Error(`unexpected chart: ${check.series[0]!.points.length} points`);
    const times = { indexed: [] as number[], baseline: [] as number[] };
    for (let i = -2; i < runs; i++) {
      const [a, b] = [await time(indexed), await time(baseline)];
      if (i < 0) continue;
      times.indexed.push(a);
      times.baseline.push(b);
    }
    const scale = { database: label, tenantPoints, tenants: neighbours + 1, totalPoints: loaded, loadSeconds, runs };
    const p50 = { indexed: percentile(times.indexed, 50), baseline: percentile(times.baseline, 50) };
    return [
      {
        ...scale,
        query: "queryMetrics 24h cpu, tenant-wide",
        p50Ms: ms(p50.indexed),
        p95Ms: ms(percentile(times.indexed, 95)),
        p50Ratio: 1,
      },
      {
        ...scale,
        query: "same, index scans off (baseline)",
        p50Ms: ms(p50.baseline),
        p95Ms: ms(percentile(times.baseline, 95)),
        p50Ratio: +(p50.baseline / p50.indexed).toFixed(1),
      },
    ];
  } finally {
    // Random tenant ids with no tenant rows: deleting by them removes exactly what this run wrote.
    await database
      .executeSql(`delete from metric_points where tenant_id in (${ids.map((id) => `'${id}'`).join(",")})`)
      .catch(() => {});
    await database.close();
  }
}
