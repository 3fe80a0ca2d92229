// The logs part of npm run bench:observability — search latency with the tenant-first indexes, and without them
import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { logLines } from "../db/schema";
import type { CloudLogQuery as LogSearch } from "../lib/cloud/contract";
import { searchLogs } from "../lib/cloud/local/log-store";

const day = 86_400_000;
const spanDays = 7;
const runs = Number(process.env.BENCH_RUNS ?? 20);
// As the metrics part: a larger budget loads the full scale on a slow or busy machine.
export const loadBudgetMs = Number(process.env.BENCH_LOAD_BUDGET_MS ?? 240_000);
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

// Lines spread evenly over the last week, the share of levels and messages of the generator's defaults.
async function insertLines(db: Db, tenantId: string, count: number, offset: number, total: number, now: Date) {
  await db.execute(sql`
    insert into log_lines (tenant_id, at, level, resource, message)
    select ${tenantId}::uuid, ${now.toISOString()}::timestamptz - ((g::float8 / ${total}) * interval '${sql.raw(String(spanDays))} days'),
      case when (g / 4) % 100 < 2 then 'error' when (g / 4) % 100 < 10 then 'warn' when (g / 4) % 100 < 13 then 'debug' else 'info' end,
      (array['web', 'api', 'worker', 'db-host'])[1 + g % 4],
      case when g % 4 = 3 and (g / 4) % 100 between 2 and 9 then 'slow query (' || (1000 + g % 5000) || ' ms): SELECT * FROM orders WHERE updated_at > $1'
        when g % 4 = 2 then 'job send-email (' || to_hex(g) || ') completed in ' || (g % 900) || 'ms'
        else 'GET /api/orders/' || (g % 9973) || ' ' || (case when (g / 4) % 100 < 2 then 503 when (g / 4) % 100 < 10 then 404 else 200 end) || ' ' || (g % 400) || 'ms' end
    from generate_series(${offset + 1}::int, ${offset + count}::int) g`);
}

/** Seeds one tenant and 49 neighbours, at a scale the database loads within the budget. */
async function seed(db: Db, wanted: { target: number; others: number }, now: Date) {
  const target = randomUUID();
  const others = Array.from({ length: 49 }, () => randomUUID());
  const chunk = 100_000;
  const started = performance.now();
  await insertLines(db, target, chunk, 0, wanted.target, now);
  const projectedMs = ((performance.now() - started) / chunk) * (wanted.target + 49 * wanted.others);
  const scale = Math.min(1, loadBudgetMs / projectedMs);
  const lines = {
    target: Math.max(chunk, Math.round(wanted.target * scale)),
    others: Math.round(wanted.others * scale),
  };
  for (let offset = chunk; offset < lines.target; offset += chunk)
    await insertLines(db, target, Math.min(chunk, lines.target - offset), offset, lines.target, now);
  for (const other of others) await insertLines(db, other, lines.others, 0, lines.others, now);
  await db.execute(sql`analyze log_lines`);
  return {
    target,
    tenants: [target, ...others],
    lines,
    scale,
    loadSeconds: Math.round((performance.now() - started) / 1000),
  };
}

async function time(db: Db, withoutIndexes: boolean, run: (db: Db) => Promise<unknown>): Promise<number> {
  return db.transaction(async (tx) => {
    if (withoutIndexes)
      for (const setting of ["enable_indexscan", "enable_bitmapscan", "enable_indexonlyscan"])
        await tx.execute(sql.raw(`set local ${setting} = off`));
    const started = performance.now();
    await run(tx as unknown as Db);
    return performance.now() - started;
  });
}

export async function benchmarkLogSearch(db: Db, label: string, wanted = { target: 1_000_000, others: 20_000 }) {
  const now = new Date();
  const seeded = await seed(db, wanted, now);
  const last24h = { from: new Date(now.getTime() - day), to: now, limit: 100 };
  const queries: [string, Omit<LogSearch, "limit" | "from" | "to">][] = [
    ["text 'slow query', last 24 h", { text: "slow query" }],
    ["text 'no-such-text' (no match), last 24 h", { text: "no-such-text" }],
    ["level warn + resource db-host, last 24 h", { level: "warn", resource: "db-host" }],
  ];
  const rows = [];
  try {
    for (const [name, filters] of queries) {
      const search = (d: Db) => searchLogs(d, seeded.target, { ...last24h, ...filters });
      const found = (await search(db)).lines.length;
      const timings = { indexed: [] as number[], baseline: [] as number[] };
      for (let i = 0; i < runs; i++) {
        timings.indexed.push(await time(db, false, search));
        timings.baseline.push(await time(db, true, search));
      }
      const [p50, p95, b50, b95] = [
        percentile(timings.indexed, 0.5),
        percentile(timings.indexed, 0.95),
        percentile(timings.baseline, 0.5),
        percentile(timings.baseline, 0.95),
      ];
      rows.push({
        database: label,
        query: name,
        linesInTenant: seeded.lines.target,
        linesInTable: seeded.lines.target + 49 * seeded.lines.others,
        returned: found,
        runs,
        p50Ms: +p50.toFixed(1),
        p95Ms: +p95.toFixed(1),
        noIndexP50Ms: +b50.toFixed(1),
        noIndexP95Ms: +b95.toFixed(1),
        p50Ratio: +(b50 / p50).toFixed(1),
      });
    }
  } finally {
    // Leave nothing behind in a shared PostgreSQL.
    await db.delete(logLines).where(inArray(logLines.tenantId, seeded.tenants));
  }
  return { rows, scale: seeded.scale, loadSeconds: seeded.loadSeconds };
}
