import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { metricPoints } from "@/db/schema";
import type { CloudMetricName, CloudMetricQuery } from "../contract";

// Rates, connections and free storage add up across resources; utilisation is an average of them.
const summed: CloudMetricName[] = ["requests", "errors", "network_in", "network_out", "connections", "free_storage"];

/**
 * One metric of one tenant from the portal's table, downsampled in SQL into buckets from `from` on:
 * per resource when asked for one, else for the tenant as a whole.
 */
export async function readStoredMetrics(
  db: Db,
  tenantId: string,
  query: CloudMetricQuery,
): Promise<[string, number][]> {
  const { bucketSeconds } = query;
  const startSeconds = Math.floor(query.from.getTime() / 1000);
  // date_part is float8 arithmetic; extract's numeric made a fifth of the statement's time.
  const bucket = sql<number>`floor((date_part('epoch', ${metricPoints.at}) - ${startSeconds}) / ${bucketSeconds})::int`;
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
  return rows.map((row): [string, number] => [
    new Date((startSeconds + Number(row.bucket) * bucketSeconds) * 1000).toISOString(),
    Math.round(Number(row.value) * 1000) / 1000,
  ]);
}
