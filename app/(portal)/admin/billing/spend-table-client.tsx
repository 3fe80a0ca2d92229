"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { RankedTenant } from "@/lib/billing/cost-queries";
import type { SpendListQuery } from "@/lib/billing/spend-list-query";
import { ServerSortedTable } from "@/components/server-sorted-table";
import { formatUsd } from "@/components/format";

const column = createColumnHelper<RankedTenant>();
const none = <span className="text-slate-500">none</span>;
// Column ids are the server's sort keys (lib/billing/cost-queries.ts); the rest do not sort.
const columns = [
  column.accessor("rank", { header: "Rank", enableSorting: false, meta: { className: "tabular-nums text-slate-500" } }),
  column.accessor("name", {
    header: "Tenant",
    cell: (c) => (
      <Link className="font-medium text-sky-700 hover:underline" href={`/t/${c.getValue()}/billing`}>
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor("monthToDate", {
    header: "Month to date",
    cell: (c) => formatUsd(c.getValue()),
    meta: { className: "tabular-nums" },
  }),
  column.accessor("forecast", {
    header: "Forecast",
    enableSorting: false,
    cell: (c) => formatUsd(c.getValue()),
    meta: { className: "tabular-nums" },
  }),
  column.accessor("budget", {
    header: "Budget",
    cell: ({ getValue, row }) => {
      const budget = getValue();
      if (budget === null) return none;
      return <span className={row.original.forecast > budget ? "text-red-700" : ""}>{formatUsd(budget)}</span>;
    },
    meta: { className: "tabular-nums" },
  }),
  column.accessor("used", {
    header: "% of budget",
    cell: (c) => (c.getValue() === null ? none : `${Math.round(c.getValue()! * 100)}%`),
    meta: { className: "tabular-nums" },
  }),
];

export function SpendTable({ rows, sort }: { rows: RankedTenant[]; sort: Pick<SpendListQuery, "sort" | "dir"> }) {
  return (
    <ServerSortedTable
      caption="Tenants by month-to-date spend"
      rows={rows}
      columns={columns}
      rowId={(r) => r.tenantId}
      sort={{ id: sort.sort, desc: sort.dir === "desc" }}
    />
  );
}
