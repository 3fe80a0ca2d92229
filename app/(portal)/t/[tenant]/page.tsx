import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { accessLabel, can } from "@/lib/auth/policy";
import { getLatestOperation } from "@/lib/provisioning/operations";
import { tenantHasPem } from "@/lib/provisioning/tenant-has-pem";
import { countTenantMembers } from "@/lib/tenants/queries";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { formatDateTime } from "@/components/format";
import { LineSkeleton, SectionSkeleton } from "@/components/section-skeleton";
import { OperationProgressPanel } from "./operation-progress-client";
import { OverviewActivity } from "./overview-activity";
import { OverviewCost } from "./overview-cost";
import { TenantInventoryTable } from "./tenant-inventory-table";
import { tenantAlertCount } from "./tenant-alert-count";
import { tenantTitle } from "@/lib/tenants/tenant-page-title";

type Props = { params: Promise<{ tenant: string }> };

export const generateMetadata = tenantTitle();

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="card p-4">
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-sm font-medium">{children}</dd>
    </div>
  );
}

// The shell — facts from the tenant's own row and a few indexed counts — answers at once; cost,
// inventory and activity stream in behind it.
export default async function TenantOverviewPage({ params }: Props) {
  const { actor, tenant } = await authorizePage("/t/[tenant]", (await params).tenant);
  const db = await getDb();
  const canWrite = can(actor, "tenant:write", tenant.id);
  const [members, operation, pem, openAlerts] = await Promise.all([
    countTenantMembers(db, tenant.id),
    getLatestOperation(db, tenant.id),
    canWrite && tenant.status !== "deleting" ? tenantHasPem(db, tenant.id) : false,
    tenantAlertCount(tenant.id),
  ]);
  const downloadPem = pem && (
    <a className="btn-secondary" href={`/api/t/${tenant.name}/pem`} download={`enclave-${tenant.name}.pem`}>
      Download PEM key
    </a>
  );
  return (
    <>
      <PageHeader
        title={tenant.name}
        description="Overview of this tenant: where it lives, who can reach it, and what changed lately."
        actions={downloadPem}
      />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Fact label="Status">
          <StatusBadge status={tenant.status} />
          {tenant.status === "failed" && tenant.statusMessage && (
            <p className="mt-1 text-xs font-normal break-words text-red-700">{tenant.statusMessage}</p>
          )}
        </Fact>
        <Fact label="Infrastructure">{`${tenant.infrastructure} (${tenant.driver} driver, ${tenant.region})`}</Fact>
        <Fact label="Your access">{accessLabel(actor, tenant.id)}</Fact>
        <Fact label="Cost this month">
          <Suspense fallback={<LineSkeleton label="cost this month" />}>
            <OverviewCost tenant={tenant} />
          </Suspense>
        </Fact>
        <Fact label="Unresolved alerts">
          <Link className={`hover:underline ${openAlerts ? "text-red-700" : ""}`} href={`/t/${tenant.name}/alerts`}>
            {openAlerts}
          </Link>
        </Fact>
        <Fact label="Members">{members}</Fact>
        <Fact label="Deletion protection">{tenant.deletionProtection ? "On" : "Off"}</Fact>
        <Fact label="Expires">{tenant.expiresAt ? formatDateTime(tenant.expiresAt) : "Never"}</Fact>
        <Fact label="Created">{formatDateTime(tenant.createdAt)}</Fact>
      </dl>
      <OperationProgressPanel
        key={operation?.id ?? "none"}
        tenant={tenant.name}
        initial={{ operation, now: new Date().toISOString() }}
        canManage={can(actor, "admin:write")}
        deletionProtection={tenant.deletionProtection}
      />
      <section aria-labelledby="inventory-heading">
        <h2 id="inventory-heading" className="mt-8 mb-3 text-lg font-semibold">
          Cloud resources
        </h2>
        <Suspense fallback={<SectionSkeleton label="cloud resources" rows={5} />}>
          <TenantInventoryTable tenant={tenant} />
        </Suspense>
      </section>
      <h2 className="mt-8 mb-3 text-lg font-semibold">Recent activity</h2>
      <Suspense fallback={<SectionSkeleton label="recent activity" />}>
        <OverviewActivity tenantId={tenant.id} tenantName={tenant.name} />
      </Suspense>
    </>
  );
}
