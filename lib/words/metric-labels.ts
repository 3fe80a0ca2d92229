import type { CloudMetricName } from "@/lib/cloud/contract";

const metricLabels: Record<CloudMetricName, string> = {
  cpu: "CPU",
  memory: "Memory",
  network_in: "Network in",
  network_out: "Network out",
  requests: "Requests",
  errors: "Errors",
  connections: "Connections",
  free_storage: "Free storage",
};

/** A metric id as a person reads it: `network_in` is "Network in". */
export const metricLabel = (metric: string): string =>
  metricLabels[metric as CloudMetricName] ?? metric.replace(/_/g, " ");
