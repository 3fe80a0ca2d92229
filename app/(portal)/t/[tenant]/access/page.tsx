import type { Metadata } from "next";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { listTenantAccess } from "@/lib/tenants/queries";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";

export const metadata: Metadata = { title: "Access" };

type Member = Awaited<ReturnType<typeof listTenantAccess>>[number];

export default async function TenantAccessPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await authorizePage("/t/[tenant]/access", (await params).tenant);
  const members = await listTenantAccess(await getDb(), tenant.id);
  return (
    <>
      <PageHeader title="Access" description={`Who can reach ${tenant.name}, and how. Administrators and auditors see every tenant.`} />
      {members.length === 0 ? (
        <EmptyState title="Nobody has been granted this tenant">Only administrators and auditors can see it until someone is granted read or write access.</EmptyState>
      ) : (
        <DataTable<Member>
          caption="Tenant members"
          rows={members}
          rowKey={(m) => `${m.userId}:${m.source}`}
          columns={[
            { header: "User", cell: (m) => <span><span className="font-medium">{m.name}</span> <span className="text-slate-500">{m.email}</span></span> },
            { header: "Level", cell: (m) => m.level },
            { header: "Granted by", cell: (m) => (m.source === "direct" ? "administrator" : m.source) },
            { header: "Expires", cell: (m) => (m.expiresAt ? formatDateTime(m.expiresAt) : "Never") },
          ]}
        />
      )}
    </>
  );
}
