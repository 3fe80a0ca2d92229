import type { ChartLine, ChartRow } from "@/components/charts/metric-chart";
import type { CloudMetricName } from "@/lib/cloud/contract";
import type { MetricsResult } from "@/lib/telemetry/metric-queries";

export type MetricPanel = {
  title: string;
  unit: string;
  kind: "area" | "line";
  lines: (ChartLine & { key: CloudMetricName })[];
  workloadsOnly?: boolean;
};

export const metricPanels: MetricPanel[] = [
  { title: "CPU", unit: "%", kind: "area", lines: [{ key: "cpu", label: "CPU", color: "#2f6fed" }] },
  { title: "Memory", unit: "MiB", kind: "area", lines: [{ key: "memory", label: "Memory", color: "#7c3aed" }] },
  {
    title: "Network",
    unit: "KiB/s",
    kind: "line",
    lines: [
      { key: "network_in", label: "In", color: "#0891b2" },
      { key: "network_out", label: "Out", color: "#d97706" },
    ],
  },
  {
    title: "Requests",
    unit: "req/min",
    kind: "area",
    lines: [{ key: "requests", label: "Requests", color: "#059669" }],
    workloadsOnly: true,
  },
  {
    title: "Errors",
    unit: "errors/min",
    kind: "line",
    lines: [{ key: "errors", label: "Errors", color: "#dc2626" }],
    workloadsOnly: true,
  },
];

export const panelMetrics = metricPanels.flatMap((p) => p.lines.map((l) => l.key));
export type MetricsData = Partial<Record<CloudMetricName, MetricsResult>>;

/** One row per bucket time with a column per metric of the panel, as recharts wants it. */
export function panelRows(panel: MetricPanel, data: MetricsData): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  for (const line of panel.lines) {
    for (const [at, value] of data[line.key]?.series[0]?.points ?? []) {
      const t = Date.parse(at);
      rows.set(t, { ...(rows.get(t) ?? { t }), [line.key]: value } as ChartRow);
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** "Each minute", "Each 15 minutes": what one point stands for. */
export function describeBucket(seconds: number | undefined): string {
  if (!seconds) return "";
  const m = seconds / 60;
  return m === 1 ? "one point per minute" : m % 60 === 0 ? `one point per ${m / 60} h` : `one point per ${m} min`;
}
