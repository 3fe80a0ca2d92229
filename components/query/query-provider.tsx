"use client";

import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { isGone, shouldRetry } from "./fetch-json";

/**
 * The browser's one cache of live data. When a query about a tenant finds it gone (deleted, or
 * access removed), its polling stops (pollWhileFound) and the page is rendered again, once, so
 * that it says so instead of showing the tenant as it was.
 */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [client] = useState(() => {
    const gone = new Set<unknown>();
    const onError = (error: unknown, query: { queryKey: readonly unknown[] }) => {
      const [scope, tenant] = query.queryKey;
      if (scope !== "tenant" || !isGone(error) || gone.has(tenant)) return;
      gone.add(tenant);
      router.refresh();
    };
    return new QueryClient({
      queryCache: new QueryCache({ onError }),
      defaultOptions: { queries: { staleTime: 5_000, retry: shouldRetry } },
    });
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
