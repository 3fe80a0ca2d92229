import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logLines, metricPoints, tenants } from "@/db/schema";
import { cloudMetrics } from "@/lib/cloud/contract";

export type RetentionDays = { logs: number; metrics: number };

/** ENCLAVE_LOG_RETENTION_DAYS (default 14) and ENCLAVE_METRIC_RETENTION_DAYS (default 35; the charts reach back 31). */
export function retentionFromEnv(env: Record<string, string | undefined> = process.env): RetentionDays {
  const days = (value: string | undefined, fallback: number) => (value && Number(value) > 0 ? Number(value) : fallback);
  return { logs: days(env.ENCLAVE_LOG_RETENTION_DAYS, 14), metrics: days(env.ENCLAVE_METRIC_RETENTION_DAYS, 35) };
}

const cutoff = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * Deletes the local cloud's telemetry older than its retention, tenant by tenant (deleted ones
 * too) so every delete walks a tenant-first index, in batches so no transaction grows large.
 */
export async function pruneTelemetry(
  db: Db,
  now = new Date(),
  days = retentionFromEnv(),
  batch = 5_000,
): Promise<{ logLines: number; metricPoints: number }> {
  const removed = { logLines: 0, metricPoints: 0 };
  const logsBefore = cutoff(now, days.logs);
  const metricsBefore = cutoff(now, days.metrics);
  for (const { id } of await db.select({ id: tenants.id }).from(tenants)) {
    for (;;) {
      const old = db
        .select({ id: logLines.id })
        .from(logLines)
        .where(and(eq(logLines.tenantId, id), lt(logLines.at, logsBefore)))
        .limit(batch);
      const gone = await db.delete(logLines).where(inArray(logLines.id, old)).returning({ id: logLines.id });
      removed.logLines += gone.length;
      if (gone.length < batch) break;
    }
    for (const metric of cloudMetrics) {
      const gone = await db
        .delete(metricPoints)
        .where(and(eq(metricPoints.tenantId, id), eq(metricPoints.metric, metric), lt(metricPoints.at, metricsBefore)))
        .returning({ at: sql`1` });
      removed.metricPoints += gone.length;
    }
  }
  return removed;
}
