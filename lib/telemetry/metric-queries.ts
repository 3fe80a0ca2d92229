import type { Db } from "@/db/client";
import { metricUnits, type CloudMetricName } from "@/lib/cloud/contract";
import { readStoredMetrics } from "@/lib/cloud/local/metric-store";

export const maxPoints = 300;
export type MetricSeries = { resource: string | null; points: [string, number][] };
export type MetricsResult = { metric: CloudMetricName; unit: string; bucketSeconds: number; series: MetricSeries[] };
export type MetricsQuery = { metric: CloudMetricName; resource?: string; from: Date; to: Date; points: number };

/** Whole minutes per bucket, starting on a multiple of the width so buckets stay put between refreshes. */
export function bucketsFor(from: Date, to: Date, points: number): { bucketSeconds: number; startSeconds: number } {
  const limit = Math.min(Math.max(1, Math.floor(points)), maxPoints);
  const fromSeconds = Math.floor(from.getTime() / 1000);
  const toSeconds = Math.ceil(to.getTime() / 1000);
  let bucketSeconds = Math.max(60, Math.ceil((toSeconds - fromSeconds) / limit / 60) * 60);
  for (;;) {
    const startSeconds = Math.floor(fromSeconds / bucketSeconds) * bucketSeconds;
    if (Math.ceil((toSeconds - startSeconds) / bucketSeconds) <= limit) return { bucketSeconds, startSeconds };
    bucketSeconds += 60;
  }
}

/** The query's window in whole buckets, as every cloud's readMetrics takes it. */
export function bucketedWindow(query: MetricsQuery) {
  const { bucketSeconds, startSeconds } = bucketsFor(query.from, query.to, query.points);
  return {
    metric: query.metric,
    resource: query.resource,
    from: new Date(startSeconds * 1000),
    to: query.to,
    bucketSeconds,
  };
}

/** A result of one series, as the charts take it. */
export const metricsResult = (
  query: MetricsQuery,
  bucketSeconds: number,
  points: [string, number][],
): MetricsResult => ({
  metric: query.metric,
  unit: metricUnits[query.metric],
  bucketSeconds,
  series: [{ resource: query.resource ?? null, points }],
});

/** One metric of one tenant of the local cloud, downsampled in SQL (the local driver's readMetrics, by tenant id). */
export async function queryMetrics(db: Db, tenantId: string, query: MetricsQuery): Promise<MetricsResult> {
  const window = bucketedWindow(query);
  return metricsResult(query, window.bucketSeconds, await readStoredMetrics(db, tenantId, window));
}
