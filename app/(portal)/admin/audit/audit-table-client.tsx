"use client";

import { createColumnHelper } from "@tanstack/react-table";
import type { AuditFilters } from "@/lib/audit/queries";
import { ServerSortedTable } from "@/components/server-sorted-table";
import { RelativeTime } from "@/components/relative-time";
import { AuditActor } from "./audit-actor";

export type AuditTableRow = {
  id: number;
  at: Date;
  actor: string | null;
  actorKind: "person" | "service" | null;
  token: string | null;
  what: string;
  action: string;
  tenant: string | null;
  ip: string | null;
};

const column = createColumnHelper<AuditTableRow>();
// Column ids are the server's sort keys (lib/audit/queries.ts); the rest do not sort.
const columns = [
  column.accessor("at", {
    header: "When",
    cell: (c) => <RelativeTime at={c.getValue()} now={c.table.options.meta?.now} />,
    meta: { className: "text-slate-500" },
  }),
  column.accessor("actor", { header: "Who", cell: (c) => <AuditActor event={c.row.original} /> }),
  column.accessor("action", {
    header: "What",
    cell: (c) => (
      <>
        <span className="font-medium">{c.row.original.what}</span>{" "}
        <code className="text-xs text-slate-500">{c.getValue()}</code>
      </>
    ),
  }),
  column.accessor("tenant", { header: "Tenant", cell: (c) => c.getValue() ?? "—" }),
  column.accessor("ip", {
    header: "IP",
    cell: (c) => c.getValue() ?? "—",
    enableSorting: false,
    meta: { className: "text-slate-500" },
  }),
];

export function AuditTable({
  rows,
  sort,
  now,
}: {
  rows: AuditTableRow[];
  sort: Pick<AuditFilters, "sort" | "dir">;
  now: string;
}) {
  return (
    <ServerSortedTable
      caption="Audit events"
      rows={rows}
      columns={columns}
      rowId={(e) => String(e.id)}
      sort={{ id: sort.sort, desc: sort.dir === "desc" }}
      now={now}
    />
  );
}
