"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { UserListRow, UserSort } from "@/lib/users/list-users";
import { ServerSortedTable } from "@/components/server-sorted-table";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";

const column = createColumnHelper<UserListRow>();
// Column ids are the server's sort keys (lib/users/list-users.ts).
const columns = [
  column.accessor("email", {
    header: "User",
    cell: (c) => (
      <Link href={`/admin/users/${c.row.original.id}`} className="group">
        <span className="font-medium text-brand-600 group-hover:underline">{c.row.original.name}</span>{" "}
        <span className="text-slate-500">{c.getValue()}</span>
      </Link>
    ),
  }),
  column.accessor("role", { header: "Role" }),
  column.accessor("status", { header: "Status", cell: (c) => <StatusBadge status={c.getValue()} /> }),
  column.accessor("lastSignInAt", {
    header: "Last sign-in",
    cell: (c) => (c.getValue() ? <RelativeTime at={c.getValue()} now={c.table.options.meta?.now} /> : "Never"),
    meta: { className: "text-slate-600" },
  }),
  column.accessor("tenantCount", { header: "Tenants", meta: { className: "tabular-nums" } }),
];

export function UsersTable({ rows, sort, now }: { rows: UserListRow[]; sort: UserSort; now: string }) {
  return (
    <ServerSortedTable
      caption="Users"
      rows={rows}
      columns={columns}
      rowId={(u) => u.id}
      sort={{ id: sort.sort, desc: sort.dir === "desc" }}
      now={now}
    />
  );
}
