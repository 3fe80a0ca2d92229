import { PermanentCloudError, type CloudMetricQuery } from "../contract";
import type { AwsContext } from "./clients";
import { fetchMetricSeries } from "./metric-data";
import { tenantMetrics } from "./metric-definitions";
import { listMetricSources, type MetricResourceType } from "./metric-sources";

/** One value per bucket from `from`, for the tenant's resources together or for the one named. */
export async function readTenantMetrics(
  context: AwsContext,
  tenant: string,
  query: CloudMetricQuery,
): Promise<[string, number][]> {
  const metric = tenantMetrics[query.metric];
  if (!metric) throw new PermanentCloudError(`CloudWatch has no metric ${query.metric} for tenants.`);
  const periodSeconds = query.bucketSeconds;
  if (!Number.isInteger(periodSeconds) || periodSeconds < 60 || periodSeconds % 60 !== 0) {
    throw new PermanentCloudError(`CloudWatch buckets must be whole minutes; ${periodSeconds} seconds is not.`);
  }
  if (query.from >= query.to) return [];
  const types = Object.keys(metric.readings) as MetricResourceType[];
  const sources = await listMetricSources(context, tenant, query.resource === undefined ? types.slice(0, 1) : types);
  const chosen =
    query.resource === undefined
      ? sources
      : types
          .flatMap((type) => sources.filter((s) => s.type === type && s.names.includes(query.resource!)))
          .slice(0, 1);
  if (chosen.length === 0) return [];
  const reading = metric.readings[chosen[0]!.type]!;
  const series = await fetchMetricSeries(
    context,
    reading,
    chosen.map((source) => source.dimension),
    { from: query.from, to: query.to, periodSeconds },
  );
  const fromMs = query.from.getTime();
  const periodMs = periodSeconds * 1000;
  const buckets = new Map<number, Map<string, number>>();
  for (const [dimension, points] of series) {
    for (const [at, value] of points) {
      // CloudWatch starts periods on whole minutes; a `from` between minutes still gets the nearest bucket.
      const index = Math.round((at - fromMs) / periodMs);
      if (index < 0 || fromMs + index * periodMs >= query.to.getTime()) continue;
      const bucket = buckets.get(index) ?? new Map<string, number>();
      buckets.set(index, bucket.set(dimension, reading.convert(value, periodSeconds)));
    }
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, values]): [string, number] => {
      const total = [...values.values()].reduce((sum, value) => sum + value, 0);
      const combined = metric.combine === "sum" ? total : total / values.size;
      return [new Date(fromMs + index * periodMs).toISOString(), Math.round(combined * 1000) / 1000];
    });
}
