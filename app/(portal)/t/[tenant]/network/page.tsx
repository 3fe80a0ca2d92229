import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { listNetworkRules } from "@/lib/network/list-network-rules";
import { listVisibleTenants } from "@/lib/tenants/queries";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/empty-state";
import { AddRuleForm, RulesTable } from "./network-client";
import { tenantTitle } from "@/lib/tenants/tenant-page-title";

export const generateMetadata = tenantTitle("Network");

export default async function TenantNetworkPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { actor, tenant } = await authorizePage("/t/[tenant]/network", (await params).tenant);
  const db = await getDb();
  const manage = can(actor, "tenant:write", tenant.id);
  const [rules, visible] = await Promise.all([
    listNetworkRules(db, tenant.id),
    manage ? listVisibleTenants(db, actor) : [],
  ]);
  const sources = visible
    .filter((t) => t.id !== tenant.id && t.status === "ready" && t.infrastructureId === tenant.infrastructureId)
    .map((t) => t.name);
  return (
    <>
      <PageHeader
        title="Network"
        description={`What may reach ${tenant.name} from outside it. By default nothing does: resources inside a tenant reach each other, other tenants cannot.`}
      />
      {!manage && <ReadOnlyNotice tenant={tenant.name} what="adding and removing rules" />}
      {manage &&
        (tenant.status === "ready" ? (
          <AddRuleForm tenant={tenant.name} sources={sources} />
        ) : (
          <p className="mb-4 text-sm text-slate-500">Rules can be added once the tenant is ready.</p>
        ))}
      {rules.length === 0 ? (
        <EmptyState title="No inter-tenant rules">
          {manage
            ? "Allow a source tenant or a CIDR with the form above."
            : "Users with write access can allow a source tenant or a CIDR."}
        </EmptyState>
      ) : (
        <RulesTable tenant={tenant.name} rules={rules} manage={manage} />
      )}
    </>
  );
}
