import Link from "next/link";
import type { RankedTenant } from "@/lib/billing/cost-queries";
import { DataTable, type Column } from "@/components/data-table";
import type { ServerSort } from "@/components/sort-header";
import { formatUsd } from "@/components/format";

const none = <span className="text-slate-500">none</span>;
// Sort keys are the server's (lib/billing/cost-queries.ts).
const columns: Column<RankedTenant>[] = [
  { header: "Rank", cell: (t) => t.rank, className: "tabular-nums text-slate-500" },
  {
    header: "Tenant",
    sortKey: "name",
    // Not prefetched: each prefetch renders a tenant's layout on the server, a page of rows at a time.
    cell: (t) => (
      <Link className="font-medium text-sky-700 hover:underline" href={`/t/${t.name}/billing`} prefetch={false}>
        {t.name}
      </Link>
    ),
  },
  {
    header: "Month to date",
    sortKey: "monthToDate",
    firstDir: "desc",
    cell: (t) => formatUsd(t.monthToDate),
    className: "tabular-nums",
  },
  { header: "Forecast", cell: (t) => formatUsd(t.forecast), className: "tabular-nums" },
  {
    header: "Budget",
    sortKey: "budget",
    firstDir: "desc",
    cell: (t) =>
      t.budget === null ? (
        none
      ) : (
        <span className={t.forecast > t.budget ? "text-red-700" : ""}>{formatUsd(t.budget)}</span>
      ),
    className: "tabular-nums",
  },
  {
    header: "% of budget",
    sortKey: "used",
    firstDir: "desc",
    cell: (t) => (t.used === null ? none : `${Math.round(t.used * 100)}%`),
    className: "tabular-nums",
  },
];

type Props = {
  rows: RankedTenant[];
  sort: ServerSort;
};

export function SpendTable({ rows, sort }: Props) {
  return (
    <DataTable
      caption="Tenants by month-to-date spend"
      rows={rows}
      columns={columns}
      rowKey={(t) => t.tenantId}
      sort={sort}
    />
  );
}
