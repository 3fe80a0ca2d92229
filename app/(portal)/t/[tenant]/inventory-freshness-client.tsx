"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { FreshnessSnapshot } from "@/lib/inventory/inventory-queries";
import { formatAgo } from "@/components/format";
import { fetchJson, isGone } from "@/components/query/fetch-json";
import { tenantApi, tenantKey } from "@/components/query/tenant-query-keys";
import { useRefreshOnChange } from "@/components/query/use-refresh-on-change";
import { refreshInventory } from "./inventory-actions";

type Props = { tenant: string; initial: FreshnessSnapshot; now: string };

const waiting = (f: FreshnessSnapshot) =>
  !f || f.requestedAt !== null || (f.refreshedAt === null && f.failedAt === null);
// A worker answers within seconds; past this the page stops asking and shows what it has.
const pollLimit = 60;

/** While a listing is on its way, asks the status route every 2 s, and refreshes the page once it has landed. */
function useWaitForListing(tenant: string, active: boolean) {
  const { data } = useQuery({
    queryKey: [...tenantKey(tenant), "inventory"],
    queryFn: ({ signal }) => fetchJson<{ freshness: FreshnessSnapshot }>(tenantApi(tenant, "inventory"), signal),
    enabled: active,
    // Each wait starts from a fresh answer, never from the one that ended the last wait.
    gcTime: 0,
    refetchInterval: (query) => (isGone(query.state.error) || query.state.dataUpdateCount >= pollLimit ? false : 2_000),
  });
  useRefreshOnChange(active && data && !waiting(data.freshness) ? "landed" : undefined, "waiting");
}

/** "Inventory as of 2 min ago", the last failure if the last read failed, and a Refresh button. */
export function InventoryFreshness({ tenant, initial, now }: Props) {
  const [requested, setRequested] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const active = requested || waiting(initial);
  useWaitForListing(tenant, active);

  async function refresh() {
    setPending(true);
    const result = await refreshInventory({ tenant });
    setPending(false);
    if (!result.ok) return setNote(result.error);
    if (result.data.requested) setRequested(true);
    else setNote("Read moments ago, or a read is already on its way; nothing more to ask the cloud.");
  }

  const read = initial?.refreshedAt;
  return (
    <div
      className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600"
      data-testid="inventory-freshness"
    >
      <p aria-live="polite">
        {!read ? (
          <span className="font-medium text-slate-700">
            Inventory not yet read from the cloud{active ? "; the first read is on its way." : "."}
          </span>
        ) : (
          <>
            Inventory as of{" "}
            <time dateTime={read} title={read}>
              {formatAgo(read, now)}
            </time>
            {active && <span>; a refresh is on its way.</span>}
          </>
        )}
      </p>
      <button
        type="button"
        className="btn-secondary px-2 py-0.5 text-xs"
        disabled={pending || active}
        onClick={refresh}
      >
        {pending || active ? "Refreshing…" : "Refresh"}
      </button>
      {note && <p className="w-full text-xs text-slate-500">{note}</p>}
      {initial?.error && initial.failedAt && (
        <p className="w-full text-amber-800">
          The last read, <time dateTime={initial.failedAt}>{formatAgo(initial.failedAt, now)}</time>, failed:{" "}
          {initial.error}
          {read ? " What is shown is from the last read that worked." : ""}
        </p>
      )}
    </div>
  );
}
