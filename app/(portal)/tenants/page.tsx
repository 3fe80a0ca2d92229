import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { accessLabel, can } from "@/lib/auth/policy";
import { listVisibleTenants, type TenantSummary } from "@/lib/tenants/queries";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { StatusBadge } from "@/components/status-badge";
import { formatDateTime } from "@/components/format";

export const metadata: Metadata = { title: "Tenants" };

export default async function TenantsPage() {
  const { actor } = await authorizePage("/tenants");
  const tenants = await listVisibleTenants(await getDb(), actor);
  const isAdmin = can(actor, "admin:write");
  return (
    <>
      <PageHeader title="Tenants" description={isAdmin ? "Every tenant in every infrastructure." : "The tenants you have been granted access to."} />
      {tenants.length === 0 ? (
        <EmptyState title="No tenants yet">
          {isAdmin
            ? "Tenants are environments with their own resources, access and cost. Create one once provisioning is enabled."
            : "You have not been granted access to any tenant. Ask an administrator to grant you read or write access."}
        </EmptyState>
      ) : (
        <DataTable<TenantSummary>
          caption="Tenants"
          rows={tenants}
          rowKey={(t) => t.id}
          columns={[
            { header: "Name", cell: (t) => <Link className="font-medium text-brand-600 hover:underline" href={`/t/${t.name}`}>{t.name}</Link> },
            { header: "Status", cell: (t) => <StatusBadge status={t.status} /> },
            { header: "Infrastructure", cell: (t) => `${t.infrastructure} (${t.driver}, ${t.region})` },
            { header: "Your access", cell: (t) => accessLabel(actor, t.id) },
            { header: "Created", cell: (t) => formatDateTime(t.createdAt), className: "text-slate-500" },
          ]}
        />
      )}
    </>
  );
}
