"use client";

import dynamic from "next/dynamic";
import { browserOnly } from "@/components/browser-only";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { EmptyState } from "@/components/empty-state";
import type { TelemetrySource } from "@/lib/telemetry/sources";
import { describeBucket, metricsOf, panelMetrics, panelRows, panelsFor, type PanelScope } from "./metric-panels";
import { MetricsControls } from "./metrics-controls";
import { describeWindow, selectionFromParams, selectionParams } from "./metrics-selection";
import { useMetrics, type MetricsAnswer, type MetricsSelection } from "./use-metrics";

// recharts is large: load it only on this page, in the browser.
const MetricChart = browserOnly(
  dynamic(() => import("@/components/charts/metric-chart"), { ssr: false, loading: () => <ChartSkeleton /> }),
  ChartSkeleton,
);

/**
 * With `resource`, the charts are that resource's alone (its detail page, which names its `kind`) and
 * there is nothing to pick.
 */
type Props = {
  tenant: string;
  local: boolean;
  sources: TelemetrySource[];
  initial: MetricsAnswer;
  resource?: string;
  kind?: PanelScope;
};

export function MetricsDashboard({ tenant, local, sources, initial, resource, kind }: Props) {
  const selection = selectionFromParams(Object.fromEntries(useSearchParams()), resource);
  // Kept in the URL, as the log filters are, without asking the server to render the page again.
  const setSelection = (next: MetricsSelection) =>
    window.history.replaceState(null, "", `?${selectionParams(next, resource === undefined)}`);
  const [autoRefresh, setAutoRefresh] = useState(true);
  const metrics = kind ? metricsOf(panelsFor(kind)) : panelMetrics;
  const { shown, error, loading } = useMetrics(tenant, selection, initial, autoRefresh, metrics);
  const data = shown.data;
  const scope = kind ?? sources.find((s) => s.name === shown.selection.resource)?.kind ?? "tenant";
  const panels = panelsFor(
    scope,
    sources.some((s) => s.kind === "database"),
  );
  const charts = panels.map((panel) => ({ panel, rows: panelRows(panel, data) }));
  const empty = charts.every((c) => c.rows.length === 0);
  const shownScope = shown.selection.resource
    ? shown.selection.resource
    : "the whole tenant (rates, connections and free storage summed; CPU and memory averaged over resources)";
  return (
    <>
      <MetricsControls
        selection={selection}
        onChange={setSelection}
        resources={resource ? [] : sources.map((s) => s.name)}
        autoRefresh={autoRefresh}
        onAutoRefresh={setAutoRefresh}
      />
      <p className="mb-4 flex flex-wrap gap-x-3 text-xs text-slate-500" aria-live="polite">
        <span>
          Showing {shownScope} over {describeWindow(shown.selection)}; {describeBucket(data.cpu?.bucketSeconds)}; times
          in UTC.
        </span>
        {loading && <span>Updating…</span>}
      </p>
      {error && (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {empty ? (
        <EmptyState title="No metrics in this range">
          {local
            ? "The local cloud records a point a minute for each workload, host and database once the tenant is ready. Pick a longer range, or check back in a minute; the page refreshes itself while auto-refresh is on."
            : "The cloud reported no metrics for this tenant's hosts, load balancers and databases in this range. Pick a longer range, or check that CloudWatch collects them."}
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {charts.map(({ panel, rows }) => (
            <section key={panel.title} className="card p-4" aria-label={panel.title}>
              <h2 className="mb-2 text-sm font-medium text-slate-800">
                {panel.title} <span className="font-normal text-slate-500">({panel.unit})</span>
              </h2>
              {rows.length ? (
                <MetricChart title={panel.title} unit={panel.unit} kind={panel.kind} lines={panel.lines} rows={rows} />
              ) : (
                <p className="py-16 text-center text-sm text-slate-500">
                  No points for {panel.title.toLowerCase()} in this range.
                </p>
              )}
            </section>
          ))}
        </div>
      )}
    </>
  );
}
