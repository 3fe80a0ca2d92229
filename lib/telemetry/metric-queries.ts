import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { metricPoints } from "@/db/schema";
import { metricUnits, type MetricName } from "./metric-shape";

export const maxPoints = 300;
export type MetricSeries = { resource: string | null; points: [string, number][] };
export type MetricsResult = { metric: MetricName; unit: string; bucketSeconds: number; series: MetricSeries[] };
export type MetricsQuery = { metric: MetricName; resource?: string; from: Date; to: Date; points: number };

// Rates add up across resources; utilisation is an average of them.
const summed: MetricName[] = ["requests", "errors", "network_in", "network_out"];

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

/** One metric of one tenant, downsampled in SQL: per resource when asked for one, else for the tenant as a whole. */
export async function queryMetrics(db: Db, tenantId: string, query: MetricsQuery): Promise<MetricsResult> {
  const { bucketSeconds, startSeconds } = bucketsFor(query.from, query.to, query.points);
  const bucket = sql<number>`floor((extract(epoch from ${metricPoints.at}) - ${startSeconds}) / ${bucketSeconds})::int`;
  // Errors keep their spikes when a bucket spans hours; the rest is averaged.
  const value =
    query.metric === "errors" ? sql<number>`max(${metricPoints.value})` : sql<number>`avg(${metricPoints.value})`;
  const perResource = db
    .select({ resource: metricPoints.resource, bucket: bucket.as("bucket"), value: value.as("value") })
    .from(metricPoints)
    .where(
      and(
        eq(metricPoints.tenantId, tenantId),
        eq(metricPoints.metric, query.metric),
        gte(metricPoints.at, new Date(startSeconds * 1000)),
        lt(metricPoints.at, query.to),
        query.resource ? eq(metricPoints.resource, query.resource) : undefined,
      ),
    )
    .groupBy(sql`1, 2`);
  const rows = query.resource
    ? await perResource.orderBy(sql`2`)
    : await (() => {
        const r = perResource.as("r");
        const combine = summed.includes(query.metric) ? sql<number>`sum(${r.value})` : sql<number>`avg(${r.value})`;
        return db
          .select({ bucket: r.bucket, value: sql<number>`(${combine})::float8` })
          .from(r)
          .groupBy(r.bucket)
          .orderBy(r.bucket);
      })();
  const points = rows.map((row): [string, number] => [
    new Date((startSeconds + Number(row.bucket) * bucketSeconds) * 1000).toISOString(),
    Math.round(Number(row.value) * 1000) / 1000,
  ]);
  return {
    metric: query.metric,
    unit: metricUnits[query.metric],
    bucketSeconds,
    series: [{ resource: query.resource ?? null, points }],
  };
}
