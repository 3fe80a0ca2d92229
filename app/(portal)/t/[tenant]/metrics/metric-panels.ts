import type { ChartLine, ChartRow } from "@/components/charts/metric-chart";
import type { CloudMetricName } from "@/lib/cloud/contract";
import type { MetricsResult } from "@/lib/telemetry/metric-queries";

/** Whose charts: one resource's by its kind, or the whole tenant's. */
export type PanelScope = "tenant" | "workload" | "host" | "database";
export type MetricPanel = {
  title: string;
  unit: string;
  kind: "area" | "line";
  lines: (ChartLine & { key: CloudMetricName })[];
  scopes: PanelScope[];
};

const machines: PanelScope[] = ["tenant", "workload", "host"];
const databases: PanelScope[] = ["tenant", "database"];

export const metricPanels: MetricPanel[] = [
  {
    title: "CPU",
    unit: "%",
    kind: "area",
    lines: [{ key: "cpu", label: "CPU", color: "#2f6fed" }],
    scopes: [...machines, "database"],
  },
  {
    title: "Memory",
    unit: "MiB",
    kind: "area",
    lines: [{ key: "memory", label: "Memory", color: "#7c3aed" }],
    scopes: machines,
  },
  {
    title: "Network",
    unit: "KiB/s",
    kind: "line",
    lines: [
      { key: "network_in", label: "In", color: "#0891b2" },
      { key: "network_out", label: "Out", color: "#d97706" },
    ],
    scopes: machines,
  },
  {
    title: "Requests",
    unit: "req/min",
    kind: "area",
    lines: [{ key: "requests", label: "Requests", color: "#059669" }],
    scopes: ["tenant", "workload"],
  },
  {
    title: "Errors",
    unit: "errors/min",
    kind: "line",
    lines: [{ key: "errors", label: "Errors", color: "#dc2626" }],
    scopes: ["tenant", "workload"],
  },
  {
    title: "Connections",
    unit: "connections",
    kind: "line",
    lines: [{ key: "connections", label: "Connections", color: "#0d9488" }],
    scopes: databases,
  },
  {
    title: "Free storage",
    unit: "GiB",
    kind: "area",
    lines: [{ key: "free_storage", label: "Free storage", color: "#64748b" }],
    scopes: databases,
  },
];

/** The charts of one resource, or of the tenant (its database charts only when it has a database). */
export function panelsFor(scope: PanelScope, tenantHasDatabase = false): MetricPanel[] {
  const databaseOnly = (p: MetricPanel) => !p.scopes.includes("workload") && !p.scopes.includes("host");
  return metricPanels.filter(
    (p) => p.scopes.includes(scope) && (scope !== "tenant" || tenantHasDatabase || !databaseOnly(p)),
  );
}
/** The metrics the panels chart, in order. */
export const metricsOf = (panels: MetricPanel[]): CloudMetricName[] => panels.flatMap((p) => p.lines.map((l) => l.key));
export const panelMetrics = metricsOf(metricPanels);
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
