"use client";

import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useQueryClient,
  type InfiniteData,
} from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { TenantPickerPage } from "@/lib/tenants/tenant-picker";
import { fetchJson, HttpError } from "@/components/query/fetch-json";

const pageSize = 20;
const pickerKey = ["tenants", "picker"] as const;

function pickerQuery(q: string) {
  return infiniteQueryOptions({
    queryKey: [...pickerKey, q],
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (q) params.set("q", q);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<TenantPickerPage>(`/api/tenants?${params}`, signal);
    },
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The first page's favourites and recent tenants, and the results of every page loaded so far. */
const merged = (data: InfiniteData<TenantPickerPage> | undefined): TenantPickerPage | null =>
  data?.pages.length
    ? { ...data.pages[0]!, results: data.pages.flatMap((p) => p.results), nextCursor: data.pages.at(-1)!.nextCursor }
    : null;

/**
 * The picker's results from GET /api/tenants, a page at a time. A search is sent 150 ms after the
 * last keystroke; `settle()` sends it at once and resolves to its page.
 */
export function usePickerResults(open: boolean, query: string) {
  const q = query.trim();
  const [sent, setSent] = useState(q);
  const queries = useQueryClient();
  useEffect(() => {
    const timer = setTimeout(() => setSent(q), q ? 150 : 0);
    return () => clearTimeout(timer);
  }, [q]);
  const results = useInfiniteQuery({ ...pickerQuery(sent), enabled: open, placeholderData: keepPreviousData });
  const error = results.error
    ? results.error instanceof HttpError && results.error.status === 401
      ? "Your session has ended. Sign in again."
      : "Tenants could not be loaded. Try again."
    : null;
  return {
    page: merged(results.data),
    /** Whether the page shown answers the search as typed now. */
    fresh: sent === q && results.isSuccess && !results.isPlaceholderData,
    loading: results.isFetching,
    error,
    settle: () =>
      queries
        .fetchInfiniteQuery(pickerQuery(q))
        .then(merged)
        .catch(() => null),
    loadMore: () => (results.hasNextPage && !results.isFetchingNextPage ? void results.fetchNextPage() : undefined),
    // A picker opened again shows favourites and recent visits as they are then.
    reset: () => queries.removeQueries({ queryKey: pickerKey }),
  };
}
