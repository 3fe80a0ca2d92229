import Link from "next/link";
import type { SpendListQuery } from "@/lib/billing/spend-list-query";
import { KeptSort } from "@/components/kept-sort";

/** A plain GET form: the filter lives in the URL, beside the sort it keeps. */
export function SpendFilters({ query }: { query: SpendListQuery }) {
  return (
    <form method="get" role="search" aria-label="Find tenants" className="mb-4 flex flex-wrap items-end gap-3">
      <label className="min-w-64 text-sm font-medium">
        Tenant
        <input name="q" type="search" defaultValue={query.q} placeholder="Part of its name" className="input mt-1" />
      </label>
      <KeptSort sort={query.sort} dir={query.dir} />
      <button type="submit" className="btn-primary">
        Search
      </button>
      {query.q && (
        <Link href="/admin/billing" className="btn-secondary">
          Clear
        </Link>
      )}
    </form>
  );
}
