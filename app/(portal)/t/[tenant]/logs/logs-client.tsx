"use client";
import { useMemo, useState } from "react";
import type { LogLineView } from "@/lib/cloud/contract";
import { EmptyState } from "@/components/empty-state";
import { LogFiltersForm, type LogFilterValues } from "./log-filters-form";
import { LogTable } from "./log-table";
import { prependNewest, useLiveTail } from "./use-live-tail";

type Props = {
  tenant: string;
  filters: LogFilterValues;
  resources: string[];
  first: { lines: LogLineView[]; nextCursor: string | null };
  window: { from: string; to: string };
  pageSize: number;
};

const queryString = (values: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1])).toString();

export function LogsView({ tenant, filters, resources, first, window, pageSize }: Props) {
  const [lines, setLines] = useState(first.lines);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tailing, setTailing] = useState(false);
  const api = `/api/t/${encodeURIComponent(tenant)}/logs`;
  const filterQuery = { q: filters.q, level: filters.level, resource: filters.resource };
  const after = useMemo(() => String(Math.max(0, ...first.lines.map((l) => l.id))), [first.lines]);
  const streamUrl = `${api}/stream?${queryString({ ...filterQuery, after })}`;
  const tail = useLiveTail(streamUrl, tailing, (incoming) => setLines((current) => prependNewest(current, incoming)));

  async function loadOlder() {
    if (!cursor) return;
    setLoading(true);
    setError(null);
    try {
      const response = await fetch(
        `${api}?${queryString({ ...filterQuery, ...window, cursor, limit: String(pageSize) })}`,
      );
      const body = (await response.json()) as { lines?: LogLineView[]; nextCursor?: string | null; error?: string };
      if (!response.ok || !body.lines) throw new Error(body.error ?? "The logs could not be loaded.");
      setLines((current) => [...current, ...body.lines!]);
      setCursor(body.nextCursor ?? null);
    } catch (e) {
      setError(e instanceof Error ? e.message : "The logs could not be loaded.");
    } finally {
      setLoading(false);
    }
  }

  const download = (format: string) => `${api}?${queryString({ ...filterQuery, range: filters.range, format })}`;
  return (
    <>
      <LogFiltersForm filters={filters} resources={resources} />
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        <button
          type="button"
          className="btn-secondary"
          aria-pressed={tailing}
          onClick={() => (tail.resume(), setTailing(!tailing))}
        >
          {tailing ? "Stop live tail" : "Live tail"}
        </button>
        {tailing && (
          <button type="button" className="btn-secondary" onClick={tail.paused ? tail.resume : tail.pause}>
            {tail.paused ? "Resume" : "Pause"}
          </button>
        )}
        {tailing && (
          <span role="status" className="text-slate-500">
            {tail.paused
              ? `Paused: ${tail.waiting} new ${tail.waiting === 1 ? "line" : "lines"} waiting`
              : tail.connected
                ? "Following new lines"
                : "Connecting…"}
          </span>
        )}
        <span className="ml-auto text-slate-500">Download</span>
        <a className="btn-secondary" href={download("ndjson")} download>
          NDJSON
        </a>
        <a className="btn-secondary" href={download("csv")} download>
          CSV
        </a>
      </div>
      {lines.length === 0 ? (
        <EmptyState title="No log lines match these filters">
          Widen the time range, clear the text, level or resource filter, or turn on the live tail to watch new lines
          arrive. A tenant that has just been provisioned starts logging within a minute.
        </EmptyState>
      ) : (
        <LogTable lines={lines} query={filters.q} />
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      {cursor && (
        <button type="button" className="btn-secondary mt-4" onClick={loadOlder} disabled={loading}>
          {loading ? "Loading…" : "Load older"}
        </button>
      )}
    </>
  );
}
