import { metricRanges, type MetricRange } from "@/lib/telemetry/metric-ranges";

/** What the dashboard shows: a range back from now, or a custom window; the tenant or one resource. */
export type MetricsSelection = { range: MetricRange | "custom"; from?: string; to?: string; resource: string };

const isRange = (value: string | undefined): value is MetricRange => !!value && value in metricRanges;
const isInstant = (value: string | undefined): value is string => !!value && !Number.isNaN(Date.parse(value));

/** The selection kept in the URL (?range=7d, or ?from=…&to=…, and ?resource=), like the log filters. */
export function selectionFromParams(
  search: Record<string, string | string[] | undefined>,
  resource?: string,
): MetricsSelection {
  const params = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const chosen = resource ?? params.resource ?? "";
  if (isInstant(params.from) && isInstant(params.to) && Date.parse(params.from) < Date.parse(params.to))
    return { range: "custom", from: params.from, to: params.to, resource: chosen };
  return { range: isRange(params.range) ? params.range : "24h", resource: chosen };
}

/** The same selection as search parameters, for the page URL and the metrics API alike. */
export function selectionParams(s: MetricsSelection, withResource = true): URLSearchParams {
  const params = new URLSearchParams();
  if (withResource && s.resource) params.set("resource", s.resource);
  if (s.range !== "custom") params.set("range", s.range);
  else for (const edge of ["from", "to"] as const) params.set(edge, s[edge] ?? "");
  return params;
}

/** The window a selection covers now, in milliseconds. */
export function selectionWindow(s: MetricsSelection, now = Date.now()): { from: number; to: number } {
  if (s.range === "custom") return { from: Date.parse(s.from!), to: Date.parse(s.to!) };
  return { from: now - metricRanges[s.range], to: now };
}

const labels: Record<MetricRange, string> = { "1h": "1 hour", "6h": "6 hours", "24h": "24 hours", "7d": "7 days" };
const instant = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "the last 7 days", or "29 Nov 2026, 09:00 to 29 Nov 2026, 10:00". */
export function describeWindow(s: MetricsSelection): string {
  if (s.range !== "custom") return `the last ${labels[s.range]}`;
  return `${instant.format(Date.parse(s.from!))} to ${instant.format(Date.parse(s.to!))}`;
}
