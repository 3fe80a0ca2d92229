import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { listUsersWithTenantCounts } from "@/lib/admin/queries";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { StatusBadge } from "@/components/status-badge";
import { formatDateTime } from "@/components/format";

export const metadata = { title: "Users" };

type UserRow = Awaited<ReturnType<typeof listUsersWithTenantCounts>>[number];

export default async function AdminUsersPage() {
  await authorizePage("/admin/users");
  const users = await listUsersWithTenantCounts(await getDb());
  return (
    <>
      <PageHeader title="Users" description="Everyone who can sign in, their role and how many tenants they reach." />
      <DataTable<UserRow>
        caption="Users"
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { header: "User", cell: (u) => <span><span className="font-medium">{u.name}</span> <span className="text-slate-500">{u.email}</span></span> },
          { header: "Role", cell: (u) => u.role },
          { header: "Status", cell: (u) => <StatusBadge status={u.status} /> },
          { header: "Tenants", cell: (u) => u.tenantCount },
          { header: "Last sign-in", cell: (u) => formatDateTime(u.lastSignInAt), className: "text-slate-500" },
        ]}
      />
    </>
  );
}
