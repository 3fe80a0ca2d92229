"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson, pollWhileFound } from "@/components/query/fetch-json";
import { tenantApi, tenantKey } from "@/components/query/tenant-query-keys";
import type { MetricsResult } from "@/lib/telemetry/metric-queries";
import type { CloudMetricName } from "@/lib/cloud/contract";
import type { MetricsData } from "./metric-panels";
import { selectionParams, type MetricsSelection } from "./metrics-selection";

export type { MetricsSelection };
/** Charts with the selection they answer, so the page never labels old points with a new range. */
export type MetricsAnswer = { selection: MetricsSelection; data: MetricsData };
const refreshMs = 30_000;

async function loadPanels(
  tenant: string,
  selection: MetricsSelection,
  metrics: CloudMetricName[],
  signal: AbortSignal,
): Promise<MetricsAnswer> {
  const query = selectionParams(selection);
  const results = await Promise.all(
    metrics.map((metric) => fetchJson<MetricsResult>(tenantApi(tenant, `metrics?metric=${metric}&${query}`), signal)),
  );
  return { selection, data: Object.fromEntries(metrics.map((m, i) => [m, results[i]])) };
}

/** The panels' metrics for the selection; the server's first answer to start with, then every 30 s while auto-refresh is on. */
export function useMetrics(
  tenant: string,
  selection: MetricsSelection,
  first: MetricsAnswer,
  autoRefresh: boolean,
  metrics: CloudMetricName[],
) {
  const key = selectionParams(selection).toString();
  const query = useQuery({
    queryKey: [...tenantKey(tenant), "metrics", key, metrics.join(",")],
    queryFn: ({ signal }) => loadPanels(tenant, selection, metrics, signal),
    initialData: key === selectionParams(first.selection).toString() ? first : undefined,
    // While a new range loads, the old charts stay, labelled with their own range.
    placeholderData: keepPreviousData,
    refetchInterval: autoRefresh ? pollWhileFound(refreshMs) : false,
  });
  return {
    shown: query.data ?? first,
    loading: query.isFetching,
    error: query.error instanceof Error ? query.error.message : null,
  };
}
