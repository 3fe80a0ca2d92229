export type LogFilters = { text?: string; level?: string; resource?: string };
/** A search of one tenant's logs; newest lines first. */
export type CloudLogQuery = LogFilters & { from: Date; to: Date; limit: number; cursor?: string };
/** `id` where the cloud numbers its lines (the local cloud's table); others are numbered by time. */
export type CloudLogLine = { id?: number; at: string; level: string; resource: string; message: string };
export type CloudLogPage = { lines: CloudLogLine[]; nextCursor: string | null };
/** A line as the pages show it, with the id a live tail follows. */
export type LogLineView = CloudLogLine & { id: number };

export const workloadMetrics = ["cpu", "memory", "network_in", "network_out", "requests", "errors"] as const;
/** What only a database reports (it reports `cpu` too): open connections, and storage left to fill. */
export const databaseMetrics = ["connections", "free_storage"] as const;
/** Every metric a chart, a metrics request or an alert rule may name. */
export const cloudMetrics = [...workloadMetrics, ...databaseMetrics] as const;
export type CloudMetricName = (typeof cloudMetrics)[number];
export const metricUnits: Record<CloudMetricName, string> = {
  cpu: "%",
  memory: "MiB",
  network_in: "KiB/s",
  network_out: "KiB/s",
  requests: "req/min",
  errors: "errors/min",
  connections: "connections",
  free_storage: "GiB",
};
/** One metric of a tenant (or one of its resources), one value per bucket from `from` on. */
export type CloudMetricQuery = {
  metric: CloudMetricName;
  resource?: string;
  from: Date;
  to: Date;
  bucketSeconds: number;
};

/** One day's cost of one service for the tenant, in USD; `day` is YYYY-MM-DD (UTC). */
export type CloudCostDay = { day: string; service: string; amount: number };
/** An alarm the cloud itself raised for something of the tenant's. */
export type CloudAlarm = {
  /** Stable across reads (an alarm ARN, a fault's key): an alert is kept per id. */
  id: string;
  name: string;
  state: "alarm" | "ok" | "insufficient_data";
  severity: "info" | "warning" | "critical";
  resource: string | null;
  reason: string;
  /** ISO time its state last changed. */
  since: string;
};
