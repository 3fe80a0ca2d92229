import type { Db } from "@/db/client";
import { generateRecentLogs } from "./generate-recent-logs";
import { generateRecentMetrics } from "./generate-metrics";

let running = false;

/**
 * Brings the local cloud's logs and metrics up to now, on a timer in every worker. Logs take a
 * per-tenant advisory lock and metric points are keyed, so workers ticking together write once.
 * The first tick backfills ENCLAVE_METRICS_BACKFILL_HOURS (default 48) of metrics.
 */
export async function generateRecentTelemetry(db: Db, now = new Date()): Promise<void> {
  if (running) return;
  running = true;
  try {
    await generateRecentLogs(db, now);
    await generateRecentMetrics(db, now, {
      lookbackMs: Number(process.env.ENCLAVE_METRICS_BACKFILL_HOURS ?? 48) * 3_600_000,
    });
  } finally {
    running = false;
  }
}
