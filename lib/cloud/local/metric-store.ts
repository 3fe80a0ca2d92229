import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { metricPoints } from "@/db/schema";
import type { CloudMetricName, CloudMetricQuery } from "../contract";

// Rates, connections and free storage add up across resources; utilisation is an average of them.
const summed: CloudMetricName[] = ["requests", "errors", "network_in", "network_out", "connections", "free_storage"];

type Shape = { perResource: boolean; peak: boolean; sum: boolean };

/** The statement of one shape, with the tenant, metric, window and resource as placeholders. */
function buildMetricStatement(db: Db, { perResource, peak, sum }: Shape) {
  const start = sql.placeholder("startSeconds");
  // date_part is float8 arithmetic; extract's numeric made a fifth of the statement's time.
  const bucket = sql<number>`floor((date_part('epoch', ${metricPoints.at}) - ${start}) / ${sql.placeholder("bucketSeconds")})::int`;
  // Errors keep their spikes when a bucket spans hours; the rest is averaged.
  const value = peak ? sql<number>`max(${metricPoints.value})` : sql<number>`avg(${metricPoints.value})`;
  const inWindow = and(
    eq(metricPoints.tenantId, sql.placeholder("tenantId")),
    eq(metricPoints.metric, sql.placeholder("metric")),
    gte(metricPoints.at, sql.placeholder("from")),
    lt(metricPoints.at, sql.placeholder("to")),
    perResource ? eq(metricPoints.resource, sql.placeholder("resource")) : undefined,
  );
  const perSource = db
    .select({ resource: metricPoints.resource, bucket: bucket.as("bucket"), value: value.as("value") })
    .from(metricPoints)
    .where(inWindow)
    .groupBy(sql`1, 2`);
  const name = `local_metrics_${perResource ? "resource" : "tenant"}_${peak ? "max" : "avg"}_${sum ? "sum" : "avg"}`;
  if (perResource) return perSource.orderBy(sql`2`).prepare(name);
  const r = perSource.as("r");
  const combine = sum ? sql<number>`sum(${r.value})` : sql<number>`avg(${r.value})`;
  return db
    .select({ bucket: r.bucket, value: sql<number>`(${combine})::float8` })
    .from(r)
    .groupBy(r.bucket)
    .orderBy(r.bucket)
    .prepare(name);
}

// Built once per shape and database handle: building this statement was a tenth of the metrics API's CPU.
const statements = new Map<string, ReturnType<typeof preparedOnce<ReturnType<typeof buildMetricStatement>>>>();
function metricStatement(db: Db, shape: Shape) {
  const key = JSON.stringify(shape);
  if (!statements.has(key))
    statements.set(
      key,
      preparedOnce((handle) => buildMetricStatement(handle, shape)),
    );
  return statements.get(key)!(db);
}

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
  const shape = { perResource: !!query.resource, peak: query.metric === "errors", sum: summed.includes(query.metric) };
  const rows = await metricStatement(db, shape).execute({
    tenantId,
    metric: query.metric,
    startSeconds,
    bucketSeconds,
    from: new Date(startSeconds * 1000).toISOString(),
    to: query.to.toISOString(),
    resource: query.resource ?? null,
  });
  return rows.map((row): [string, number] => [
    new Date((startSeconds + Number(row.bucket) * bucketSeconds) * 1000).toISOString(),
    Math.round(Number(row.value) * 1000) / 1000,
  ]);
}
