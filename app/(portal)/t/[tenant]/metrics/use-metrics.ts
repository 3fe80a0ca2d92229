"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson, pollWhileFound } from "@/components/query/fetch-json";
import { tenantApi, tenantKey } from "@/components/query/tenant-query-keys";
import type { MetricsResult } from "@/lib/telemetry/metric-queries";
import { panelMetrics, type MetricsData } from "./metric-panels";
import { selectionParams, type MetricsSelection } from "./metrics-selection";

export type { MetricsSelection };
/** Charts with the selection they answer, so the page never labels old points with a new range. */
export type MetricsAnswer = { selection: MetricsSelection; data: MetricsData };
const refreshMs = 30_000;

async function loadPanels(tenant: string, selection: MetricsSelection, signal: AbortSignal): Promise<MetricsAnswer> {
  const query = selectionParams(selection);
  const results = await Promise.all(
    panelMetrics.map((metric) =>
      fetchJson<MetricsResult>(tenantApi(tenant, `metrics?metric=${metric}&${query}`), signal),
    ),
  );
  return { selection, data: Object.fromEntries(panelMetrics.map((m, i) => [m, results[i]])) };
}

/** Every panel's metric for the selection; the server's first answer to start with, then every 30 s while auto-refresh is on. */
export function useMetrics(tenant: string, selection: MetricsSelection, first: MetricsAnswer, autoRefresh: boolean) {
  const key = selectionParams(selection).toString();
  const query = useQuery({
    queryKey: [...tenantKey(tenant), "metrics", key],
    queryFn: ({ signal }) => loadPanels(tenant, selection, signal),
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
