"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { MetricRange } from "@/lib/telemetry/metric-input";
import { panelMetrics, type MetricsData } from "./metric-panels";

export type MetricsSelection = { range: MetricRange | "custom"; from?: string; to?: string; resource: string };
const refreshMs = 30_000;

function url(tenant: string, metric: string, s: MetricsSelection) {
  const params = new URLSearchParams({ metric });
  if (s.resource) params.set("resource", s.resource);
  if (s.range !== "custom") params.set("range", s.range);
  else for (const edge of ["from", "to"] as const) params.set(edge, s[edge] ?? "");
  return `/api/t/${encodeURIComponent(tenant)}/metrics?${params}`;
}

/** Loads every panel's metric for the selection when it changes, and every 30 s while auto-refresh is on. */
export function useMetrics(tenant: string, selection: MetricsSelection, initial: MetricsData, autoRefresh: boolean) {
  const [data, setData] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const first = useRef(true);
  const load = useCallback(
    async (signal?: AbortSignal) => {
      setLoading(true);
      try {
        const responses = await Promise.all(
          panelMetrics.map((m) => fetch(url(tenant, m, selection), { cache: "no-store", signal })),
        );
        const failed = responses.find((r) => !r.ok);
        if (failed)
          return setError(
            ((await failed.json().catch(() => null)) as { error?: string } | null)?.error ??
              "The metrics could not be loaded.",
          );
        const results = await Promise.all(responses.map((r) => r.json()));
        setData(Object.fromEntries(panelMetrics.map((m, i) => [m, results[i]])));
        setError(null);
      } catch (e) {
        if (!signal?.aborted)
          setError(
            e instanceof Error && e.name === "AbortError"
              ? null
              : "The metrics could not be loaded; retrying at the next refresh.",
          );
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [tenant, selection],
  );

  useEffect(() => {
    const controller = new AbortController();
    // The server rendered the first selection already.
    if (first.current) first.current = false;
    else void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  useEffect(() => {
    if (!autoRefresh) return;
    const timer = setInterval(() => void load(), refreshMs);
    return () => clearInterval(timer);
  }, [autoRefresh, load]);

  return { data, error, loading, refresh: () => void load() };
}
