import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { listNetworkRules } from "@/lib/network/list-network-rules";
import { getLatestOperation } from "@/lib/provisioning/operations";
import { listShares } from "@/lib/shares/list-shares";
import { listVisibleTenants } from "@/lib/tenants/queries";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/empty-state";
import { AddRuleForm, RulesTable } from "./network-client";
import { SharingSection } from "./sharing-section";
import { tenantTitle } from "@/lib/tenants/tenant-page-title";

export const generateMetadata = tenantTitle("Network & sharing");

export default async function TenantNetworkPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { actor, tenant } = await authorizePage("/t/[tenant]/network", (await params).tenant);
  const db = await getDb();
  const manage = can(actor, "tenant:write", tenant.id);
  const [rules, visible, shares, shareOperation] = await Promise.all([
    listNetworkRules(db, tenant.id),
    manage ? listVisibleTenants(db, actor) : [],
    listShares(db, tenant.id),
    getLatestOperation(db, tenant.id, "share"),
  ]);
  const neighbours = visible
    .filter((t) => t.id !== tenant.id && t.status === "ready" && t.infrastructureId === tenant.infrastructureId)
    .map((t) => t.name);
  return (
    <>
      <PageHeader
        title="Network & sharing"
        description={`What may reach ${tenant.name} from outside it, and what it shares with other tenants. By default nothing does: resources inside a tenant reach each other, other tenants cannot.`}
      />
      {!manage && <ReadOnlyNotice tenant={tenant.name} what="adding rules and asking for or deciding shares" />}
      <h2 className="mb-3 text-lg font-semibold">Ingress rules</h2>
      {manage &&
        (tenant.status === "ready" ? (
          <AddRuleForm tenant={tenant.name} sources={neighbours} />
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
      <SharingSection
        tenant={tenant.name}
        ready={tenant.status === "ready"}
        manage={manage}
        admin={can(actor, "admin:write")}
        owners={neighbours}
        shares={shares}
        progress={{ operation: shareOperation, now: new Date().toISOString() }}
      />
    </>
  );
}
