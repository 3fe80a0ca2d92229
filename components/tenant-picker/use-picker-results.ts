"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { TenantPickerPage } from "@/lib/tenants/tenant-picker";

const pageSize = 20;
const failed = "Tenants could not be loaded. Try again.";
type Loaded = { q: string; page: TenantPickerPage };

/**
 * The picker's results from GET /api/tenants, a page at a time. A search is sent 150 ms after the
 * last keystroke; an older answer is dropped; `settle()` sends it at once and resolves to its page.
 */
export function usePickerResults(open: boolean, query: string) {
  const q = query.trim();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<Loaded | null>(null);
  const inFlight = useRef<{ key: string; controller: AbortController; done: Promise<TenantPickerPage | null> } | null>(
    null,
  );

  const load = useCallback((search: string, cursor?: string): Promise<TenantPickerPage | null> => {
    const key = `${search}\n${cursor ?? ""}`;
    if (inFlight.current?.key === key) return inFlight.current.done;
    if (!cursor && latest.current?.q === search) return Promise.resolve(latest.current.page);
    inFlight.current?.controller.abort();
    const controller = new AbortController();
    const done = (async () => {
      setLoading(true);
      setError(null);
      try {
        const params = new URLSearchParams({ limit: String(pageSize) });
        if (search) params.set("q", search);
        if (cursor) params.set("cursor", cursor);
        const response = await fetch(`/api/tenants?${params}`, { signal: controller.signal });
        if (!response.ok) {
          setError(response.status === 401 ? "Your session has ended. Sign in again." : failed);
          return null;
        }
        const next = (await response.json()) as TenantPickerPage;
        const previous = latest.current;
        const page =
          cursor && previous?.q === search
            ? { ...previous.page, results: [...previous.page.results, ...next.results], nextCursor: next.nextCursor }
            : next;
        latest.current = { q: search, page };
        setLoaded(latest.current);
        return page;
      } catch {
        if (!controller.signal.aborted) setError(failed);
        return null;
      } finally {
        if (inFlight.current?.controller === controller) {
          inFlight.current = null;
          setLoading(false);
        }
      }
    })();
    inFlight.current = { key, controller, done };
    return done;
  }, []);

  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => void load(q), q ? 150 : 0);
    return () => clearTimeout(timer);
  }, [open, q, load]);

  const reset = useCallback(() => {
    inFlight.current?.controller.abort();
    inFlight.current = null;
    latest.current = null;
    setLoaded(null);
    setError(null);
    setLoading(false);
  }, []);

  return {
    page: loaded?.page ?? null,
    /** Whether the page shown answers the search as typed now. */
    fresh: loaded?.q === q,
    loading,
    error,
    settle: () => load(q),
    loadMore: () => (loaded?.page.nextCursor ? void load(loaded.q, loaded.page.nextCursor) : undefined),
    reset,
  };
}
