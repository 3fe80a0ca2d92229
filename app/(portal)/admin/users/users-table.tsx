import Link from "next/link";
import type { UserListRow } from "@/lib/users/list-users";
import { DataTable, type Column } from "@/components/data-table";
import type { ServerSort } from "@/components/sort-header";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";

// Sort keys are the server's (lib/users/list-users.ts).
const columnsAt = (now: Date): Column<UserListRow>[] => [
  {
    header: "User",
    sortKey: "email",
    // Not prefetched: each prefetch renders a user's page on the server, a page of rows at a time.
    cell: (u) => (
      <Link href={`/admin/users/${u.id}`} className="group" prefetch={false}>
        <span className="font-medium text-brand-600 group-hover:underline">{u.name}</span>{" "}
        <span className="text-slate-500">{u.email}</span>
      </Link>
    ),
  },
  { header: "Role", sortKey: "role", cell: (u) => u.role },
  { header: "Status", sortKey: "status", cell: (u) => <StatusBadge status={u.status} /> },
  {
    header: "Last sign-in",
    sortKey: "lastSignInAt",
    firstDir: "desc",
    cell: (u) => (u.lastSignInAt ? <RelativeTime at={u.lastSignInAt} now={now} /> : "Never"),
    className: "text-slate-600",
  },
  {
    header: "Tenants",
    sortKey: "tenantCount",
    firstDir: "desc",
    cell: (u) => u.tenantCount,
    className: "tabular-nums",
  },
];

type Props = { rows: UserListRow[]; sort: ServerSort };

export function UsersTable({ rows, sort }: Props) {
  return <DataTable caption="Users" rows={rows} columns={columnsAt(new Date())} rowKey={(u) => u.id} sort={sort} />;
}
