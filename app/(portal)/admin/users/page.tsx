import Link from "next/link";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { listUsers, type UserListRow } from "@/lib/users/list-users";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { formatDateTime } from "@/components/format";
import { NewUserPanel } from "./new-user-client";
import { UserFilters } from "./user-filters";

export const metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const { actor } = await authorizePage("/admin/users");
  const params = await searchParams;
  const list = await listUsers(await getDb(), {
    search: params.q,
    role: params.role,
    status: params.status,
    page: params.page,
  });
  const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.trim() : "");
  const filters = { q: text(params.q), role: text(params.role), status: text(params.status) };
  const href = (page: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    if (page > 1) query.set("page", String(page));
    return `/admin/users${query.size ? `?${query}` : ""}`;
  };
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in, their role and how many tenants they reach."
        actions={can(actor, "admin:write") ? <NewUserPanel /> : undefined}
      />
      <UserFilters key={Object.values(filters).join("|")} q={filters.q} role={filters.role} status={filters.status} />
      {list.total === 0 ? (
        <EmptyState title={filters.q ? `No user matches “${filters.q}”` : "No user matches these filters"}>
          Check the spelling, search by part of the name or email, or{" "}
          <Link className="text-brand-600 underline" href="/admin/users">
            clear the filters
          </Link>
          .
        </EmptyState>
      ) : (
        <DataTable<UserListRow>
          caption="Users"
          rows={list.rows}
          rowKey={(u) => u.id}
          columns={[
            {
              header: "User",
              cell: (u) => (
                <Link href={`/admin/users/${u.id}`} className="group">
                  <span className="font-medium text-brand-600 group-hover:underline">{u.name}</span>{" "}
                  <span className="text-slate-500">{u.email}</span>
                </Link>
              ),
            },
            { header: "Role", cell: (u) => u.role },
            { header: "Status", cell: (u) => <StatusBadge status={u.status} /> },
            {
              header: "Last sign-in",
              cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : "Never"),
              className: "whitespace-nowrap text-slate-500",
            },
            { header: "Tenants", cell: (u) => u.tenantCount, className: "tabular-nums" },
          ]}
        />
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        pageSize={list.pageSize}
        total={list.total}
        shown={list.rows.length}
        href={href}
      />
    </>
  );
}
