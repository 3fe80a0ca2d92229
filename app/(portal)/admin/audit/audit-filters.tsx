import Link from "next/link";
import type { AuditFilters } from "@/lib/audit/queries";
import { KeptSort } from "@/components/kept-sort";

const fields = [
  { name: "actor", label: "Who (email)", type: "search" },
  { name: "action", label: "Action starts with", type: "search" },
  { name: "tenant", label: "Tenant", type: "search" },
  { name: "from", label: "From", type: "date" },
  { name: "to", label: "To", type: "date" },
] as const;

// A plain GET form: filters live in the URL, so a filtered view can be shared and bookmarked.
export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  return (
    <form method="get" className="card mb-4 flex flex-wrap items-end gap-3 p-4" aria-label="Filter audit events">
      {fields.map((f) => (
        <label key={f.name} className="text-sm font-medium">
          {f.label}
          <input name={f.name} type={f.type} defaultValue={filters[f.name] ?? ""} className="input mt-1" />
        </label>
      ))}
      <KeptSort sort={filters.sort} dir={filters.dir} />
      <button type="submit" className="btn-primary">
        Filter
      </button>
      <Link href="/admin/audit" className="btn-secondary">
        Clear
      </Link>
    </form>
  );
}

/** The filters as a query string, without the empty ones (page 1 left out). */
export function auditQuery(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value && !(key === "page" && value === 1)) query.set(key, String(value));
  return query;
}

export function AuditPager({ filters, total, pageSize }: { filters: AuditFilters; total: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (page: number) => `/admin/audit?${auditQuery({ ...filters, page })}`;
  const first = total === 0 ? 0 : (filters.page - 1) * pageSize + 1;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <span>{`Showing ${first}–${Math.min(filters.page * pageSize, total)} of ${total}`}</span>
      <span className="flex gap-2">
        {filters.page > 1 && (
          <Link className="btn-secondary" href={href(filters.page - 1)}>
            Previous
          </Link>
        )}
        {filters.page < pages && (
          <Link className="btn-secondary" href={href(filters.page + 1)}>
            Next
          </Link>
        )}
      </span>
    </nav>
  );
}
