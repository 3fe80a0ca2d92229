"use client";

import { useQuery } from "@tanstack/react-query";
import type { AlertSummary } from "@/lib/alerts/alert-summary";
import { fetchJson, pollWhileFound } from "@/components/query/fetch-json";
import { tenantApi, tenantKey } from "@/components/query/tenant-query-keys";

// The worker evaluates rules every 15 s; asking more often would only repeat its answer.
const everyMs = 10_000;

export const alertSummaryKey = (tenant: string) => [...tenantKey(tenant), "alerts", "summary"] as const;

/** The tenant's unresolved count and last alert change, shared by the navigation badge and the alerts page. */
export function useAlertSummary(tenant: string | undefined) {
  return useQuery({
    queryKey: alertSummaryKey(tenant ?? ""),
    queryFn: ({ signal }) => fetchJson<AlertSummary>(tenantApi(tenant!, "alerts/summary"), signal),
    enabled: !!tenant,
    refetchInterval: pollWhileFound(everyMs),
  });
}
