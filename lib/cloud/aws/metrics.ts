import { PermanentCloudError, type CloudMetricName, type CloudMetricQuery } from "../contract";
import type { AwsContext } from "./clients";
import { fetchMetricSeries, type MetricDefinition } from "./metric-data";
import { listMetricSources, type MetricResourceType } from "./metric-sources";

type TenantMetric = MetricDefinition & {
  resourceType: MetricResourceType;
  /** Rates add up across resources; utilisation is an average of them. */
  combine: "sum" | "average";
  /** From CloudWatch's unit for one period to the portal's. */
  convert: (value: number, periodSeconds: number) => number;
};

const host = { resourceType: "ec2:instance", dimensionName: "InstanceId" } as const;
const balancer = {
  resourceType: "elasticloadbalancing:loadbalancer",
  dimensionName: "LoadBalancer",
  namespace: "AWS/ApplicationELB",
  stat: "Sum",
} as const;
const kibPerSecond = (bytes: number, periodSeconds: number) => bytes / 1024 / periodSeconds;
const perMinute = (count: number, periodSeconds: number) => (count * 60) / periodSeconds;

const tenantMetrics: Record<CloudMetricName, TenantMetric> = {
  cpu: {
    ...host,
    namespace: "AWS/EC2",
    metricName: "CPUUtilization",
    stat: "Average",
    combine: "average",
    convert: (percent) => percent,
  },
  // Published by the CloudWatch agent (mem_used, bytes) when its config adds the InstanceId dimension.
  memory: {
    ...host,
    namespace: "CWAgent",
    metricName: "mem_used",
    stat: "Average",
    combine: "average",
    convert: (bytes) => bytes / 1024 / 1024,
  },
  network_in: {
    ...host,
    namespace: "AWS/EC2",
    metricName: "NetworkIn",
    stat: "Sum",
    combine: "sum",
    convert: kibPerSecond,
  },
  network_out: {
    ...host,
    namespace: "AWS/EC2",
    metricName: "NetworkOut",
    stat: "Sum",
    combine: "sum",
    convert: kibPerSecond,
  },
  requests: { ...balancer, metricName: "RequestCount", combine: "sum", convert: perMinute },
  errors: { ...balancer, metricName: "HTTPCode_Target_5XX_Count", combine: "sum", convert: perMinute },
};

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
  const sources = await listMetricSources(context, tenant, metric.resourceType);
  const chosen =
    query.resource === undefined
      ? sources
      : sources.filter((source) => source.names.includes(query.resource!)).slice(0, 1);
  if (chosen.length === 0) return [];
  const series = await fetchMetricSeries(
    context,
    metric,
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
      buckets.set(index, bucket.set(dimension, metric.convert(value, periodSeconds)));
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
