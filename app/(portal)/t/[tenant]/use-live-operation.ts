"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import type { OperationProgress, OperationScope } from "@/lib/provisioning/operations";
import { fetchJson, isGone } from "@/components/query/fetch-json";
import { tenantApi, tenantKey } from "@/components/query/tenant-query-keys";

export type ProgressSnapshot = { operation: OperationProgress | null; now: string };

export const isLive = (op: OperationProgress | null | undefined) => op?.state === "pending" || op?.state === "running";
const deleted = (op: OperationProgress | null | undefined) => op?.kind === "delete" && op.state === "succeeded";

/**
 * The latest operation, asked for every second while it runs. When it ends the page is re-rendered;
 * once the tenant is gone every query about it stops and the user is taken to the tenant list.
 */
export function useLiveOperation(tenant: string, initial: ProgressSnapshot, scope: OperationScope) {
  const router = useRouter();
  const queries = useQueryClient();
  const key = useMemo(() => [...tenantKey(tenant), "operation", scope], [tenant, scope]);
  const { data, error } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchJson<ProgressSnapshot>(tenantApi(tenant, `operation?scope=${scope}`), signal),
    initialData: initial,
    refetchInterval: (query) => (!isGone(query.state.error) && isLive(query.state.data?.operation) ? 1_000 : false),
  });
  // initialData seeds the cache once; an action that starts an operation re-renders the page with a
  // newer snapshot than the cached one: ask again, so the new operation is followed.
  useEffect(() => {
    const cached = queries.getQueryData<ProgressSnapshot>(key);
    if (cached && initial.now > cached.now) void queries.invalidateQueries({ queryKey: key, exact: true });
  }, [initial, key, queries]);
  const gone = isGone(error) || deleted(data.operation);
  const wasLive = useRef(isLive(initial.operation));
  const live = isLive(data.operation);
  useEffect(() => {
    if (gone) {
      void queries.cancelQueries({ queryKey: tenantKey(tenant) });
      router.replace(`/tenants?deleted=${encodeURIComponent(tenant)}`);
    } else if (wasLive.current && !live) router.refresh();
    wasLive.current = live;
  }, [gone, live, tenant, router, queries]);
  return data;
}
