import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { listGrantableUsers, listTenantAccess } from "@/lib/tenants/queries";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/empty-state";
import { GrantAccessForm } from "@/app/(portal)/_components/grant-access";
import { AccessTable } from "./access-client";
import { tenantTitle } from "@/lib/tenants/tenant-page-title";

export const generateMetadata = tenantTitle("Access");

export default async function TenantAccessPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { actor, tenant } = await authorizePage("/t/[tenant]/access", (await params).tenant);
  const db = await getDb();
  const manage = can(actor, "admin:write");
  const [members, candidates] = await Promise.all([
    listTenantAccess(db, tenant.id),
    manage ? listGrantableUsers(db) : [],
  ]);
  return (
    <>
      <PageHeader
        title="Access"
        description={`Who can reach ${tenant.name}, and how. Administrators and auditors see every tenant.`}
      />
      {manage && (
        <GrantAccessForm
          fixed={{ tenant: tenant.name }}
          choices={candidates.map((u) => ({
            value: u.id,
            label: u.kind === "service" ? `${u.name} (service account)` : `${u.name} <${u.email}>`,
          }))}
        />
      )}
      {members.length === 0 ? (
        <EmptyState title="Nobody has been granted this tenant">
          Only administrators and auditors can see it until someone is granted read or write access
          {manage ? " with the form above" : ""}.
        </EmptyState>
      ) : (
        <AccessTable
          tenant={tenant.name}
          members={members.map((m) => ({ ...m, expiresAt: m.expiresAt?.toISOString() ?? null }))}
          manage={manage}
        />
      )}
    </>
  );
}
