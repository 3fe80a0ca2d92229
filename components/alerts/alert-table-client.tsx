"use client";

import Link from "next/link";
import { createColumnHelper, type ColumnDef } from "@tanstack/react-table";
import type { AlertRow } from "@/lib/alerts/alert-queries";
import { ServerSortedTable } from "@/components/server-sorted-table";
import { formatDateTime } from "@/components/format";
import { SeverityBadge } from "./severity-badge";
import { AlertStateCell, type AlertHistory } from "./alert-state-cell";

const sourceLabels: Record<string, string> = { rule: "alert rule", cloud: "cloud alarm", budget: "budget" };

const column = createColumnHelper<AlertRow>();
// Column ids are the server's sort keys (lib/alerts/alert-queries.ts); the rest do not sort.
const severity = column.accessor("severity", {
  header: "Severity",
  cell: (c) => <SeverityBadge severity={c.getValue() ?? "info"} />,
});
const tenant = column.accessor("tenant", {
  header: "Tenant",
  enableSorting: false,
  cell: (c) => (
    <Link className="text-sky-700 hover:underline" href={`/t/${c.getValue()}/alerts`}>
      {c.getValue()}
    </Link>
  ),
});
const title = column.accessor("title", {
  header: "Alert",
  enableSorting: false,
  cell: ({ row: { original: a } }) => (
    <>
      <span className="font-medium">{a.title}</span>
      <span className="block text-xs text-slate-500">
        {sourceLabels[a.source ?? ""]}
        {a.resource ? ` · ${a.resource}` : ""}
        {a.value !== null ? ` · value ${a.value}` : ""}
      </span>
    </>
  ),
});
const opened = column.accessor("openedAt", {
  header: "Opened",
  cell: (c) => formatDateTime(c.getValue()),
  meta: { className: "whitespace-nowrap text-slate-500" },
});

type Props = {
  rows: AlertRow[];
  history: AlertHistory;
  /** Each alert's Actions cell, by id; left out for readers, who cannot change alerts. */
  actions?: Record<string, React.ReactNode>;
  showTenant: boolean;
  sort: { id: string; desc: boolean };
};

export function AlertTableClient({ rows, history, actions, showTenant, sort }: Props) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const columns: ColumnDef<AlertRow, any>[] = [
    severity,
    ...(showTenant ? [tenant] : []),
    title,
    opened,
    column.accessor("state", {
      header: "State",
      cell: (c) => <AlertStateCell alert={c.row.original} history={history} />,
    }),
    ...(actions ? [column.display({ id: "actions", header: "Actions", cell: (c) => actions[c.row.id] })] : []),
  ];
  return <ServerSortedTable caption="Alerts" rows={rows} columns={columns} rowId={(a) => a.id} sort={sort} />;
}
