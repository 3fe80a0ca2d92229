// npm run bench:observability — telemetry queries at scale, on PGlite and (with DATABASE_URL) PostgreSQL
import { openDatabase, type DatabaseTarget } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { benchmarkLogSearch, loadBudgetMs } from "./observability-logs";
import { benchMetrics } from "./observability-metrics";
import { printResults } from "./report";

async function benchmarkLogs(target: DatabaseTarget, label: string) {
  const database = await openDatabase(target);
  try {
    await migrateDatabase(database);
    const result = await benchmarkLogSearch(database.db, label);
    if (result.scale < 1)
      console.log(
        `${label}: loaded at ${(result.scale * 100).toFixed(0)}% of 1,000,000 + 49 x 20,000 lines to stay within ${loadBudgetMs / 1000} s (BENCH_LOAD_BUDGET_MS)`,
      );
    console.log(`${label}: seeded in ${result.loadSeconds} s`);
    return result.rows;
  } finally {
    await database.close();
  }
}

const rows = await benchmarkLogs({ memory: true }, "pglite");
if (process.env.DATABASE_URL) rows.push(...(await benchmarkLogs({ url: process.env.DATABASE_URL }, "postgres")));
printResults(
  "log search: first page of 100, newest first, in one tenant among 50 (p50/p95 in ms; noIndex = index and bitmap scans off)",
  rows,
);

const metricRows = await benchMetrics({ memory: true }, "pglite");
if (process.env.DATABASE_URL) metricRows.push(...(await benchMetrics({ url: process.env.DATABASE_URL }, "postgres")));
printResults("metrics: 24-hour tenant-wide chart query, one tenant among 50 (index scans on, then off)", metricRows);
