import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { accessLabel, can } from "@/lib/auth/policy";
import { findTenantByName, type TenantSummary } from "@/lib/context/find-tenant";
import { listVisibleTenantsPage } from "@/lib/tenants/tenant-list";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { formatDateTime } from "@/components/format";
import { tenantName } from "@/lib/tenants/tenant-input";

export const metadata: Metadata = { title: "Tenants" };

type Props = { searchParams: Promise<{ deleted?: string; page?: string }> };

// A page of tenants at a time (50): two queries whatever the count, an admin's thousand included.
export default async function TenantsPage({ searchParams }: Props) {
  const { actor } = await authorizePage("/tenants");
  const params = await searchParams;
  const db = await getDb();
  const list = await listVisibleTenantsPage(db, actor, { page: params.page });
  const tenants = list.rows;
  const isAdmin = can(actor, "admin:write");
  // Set by the progress panel once a deletion it watched has finished (deleting is an admin's act).
  const deleted = tenantName.safeParse(params.deleted);
  const deletedNotice = isAdmin && deleted.success && !(await findTenantByName(db, deleted.data));
  const newTenant = isAdmin && (
    <Link className="btn-primary" href="/tenants/new">
      New tenant
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Tenants"
        description={isAdmin ? "Every tenant in every infrastructure." : "The tenants you have been granted access to."}
        actions={newTenant}
      />
      {deletedNotice && (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-800">
          Tenant {deleted.data} was deleted, with every resource in it.
        </p>
      )}
      {list.total === 0 ? (
        <EmptyState title="No tenants yet">
          {isAdmin
            ? "Tenants are environments with their own resources, access and cost. Create the first one with New tenant."
            : "You have not been granted access to any tenant. Ask an administrator to grant you read or write access."}
        </EmptyState>
      ) : (
        <DataTable<TenantSummary>
          caption="Tenants"
          rows={tenants}
          rowKey={(t) => t.id}
          columns={[
            {
              header: "Name",
              // Not prefetched: each prefetch renders the tenant's layout on the server, fifty to a page.
              cell: (t) => (
                <Link className="font-medium text-brand-600 hover:underline" href={`/t/${t.name}`} prefetch={false}>
                  {t.name}
                </Link>
              ),
            },
            { header: "Status", cell: (t) => <StatusBadge status={t.status} /> },
            { header: "Infrastructure", cell: (t) => `${t.infrastructure} (${t.driver}, ${t.region})` },
            { header: "Your access", cell: (t) => accessLabel(actor, t.id) },
            { header: "Created", cell: (t) => formatDateTime(t.createdAt), className: "text-slate-500" },
          ]}
        />
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        pageSize={list.pageSize}
        total={list.total}
        shown={tenants.length}
        href={(page) => (page > 1 ? `/tenants?page=${page}` : "/tenants")}
      />
    </>
  );
}
