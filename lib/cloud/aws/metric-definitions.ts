import type { CloudMetricName } from "../contract";
import type { MetricDefinition } from "./metric-data";
import type { MetricResourceType } from "./metric-sources";

/** One CloudWatch metric, and how one period's value of it becomes the portal's unit. */
export type MetricReading = MetricDefinition & { convert: (value: number, periodSeconds: number) => number };
export type TenantMetric = {
  /** Rates, connections and free storage add up across resources; utilisation is an average of them. */
  combine: "sum" | "average";
  /**
   * Where it is read, per type of resource. The tenant as a whole reads the first type only (CPU stays
   * the hosts' average); one resource is read where it is found, in this order.
   */
  readings: Partial<Record<MetricResourceType, MetricReading>>;
};

const same = (value: number) => value;
const kibPerSecond = (bytes: number, periodSeconds: number) => bytes / 1024 / periodSeconds;
const perMinute = (count: number, periodSeconds: number) => (count * 60) / periodSeconds;
const host = (metricName: string, stat: string, convert: MetricReading["convert"], namespace = "AWS/EC2") => ({
  "ec2:instance": { namespace, metricName, stat, dimensionName: "InstanceId", convert },
});
const balancer = (metricName: string) => ({
  "elasticloadbalancing:loadbalancer": {
    namespace: "AWS/ApplicationELB",
    metricName,
    stat: "Sum",
    dimensionName: "LoadBalancer",
    convert: perMinute,
  },
});
const database = (metricName: string, convert: MetricReading["convert"]) => ({
  "rds:db": { namespace: "AWS/RDS", metricName, stat: "Average", dimensionName: "DBInstanceIdentifier", convert },
});

export const tenantMetrics: Record<CloudMetricName, TenantMetric> = {
  cpu: {
    combine: "average",
    readings: { ...host("CPUUtilization", "Average", same), ...database("CPUUtilization", same) },
  },
  // Published by the CloudWatch agent (mem_used, bytes) when its config adds the InstanceId dimension.
  memory: { combine: "average", readings: host("mem_used", "Average", (bytes) => bytes / 1024 / 1024, "CWAgent") },
  network_in: { combine: "sum", readings: host("NetworkIn", "Sum", kibPerSecond) },
  network_out: { combine: "sum", readings: host("NetworkOut", "Sum", kibPerSecond) },
  requests: { combine: "sum", readings: balancer("RequestCount") },
  errors: { combine: "sum", readings: balancer("HTTPCode_Target_5XX_Count") },
  connections: { combine: "sum", readings: database("DatabaseConnections", same) },
  // RDS reports bytes.
  free_storage: { combine: "sum", readings: database("FreeStorageSpace", (bytes) => bytes / 1024 ** 3) },
};
