import { Suspense } from "react";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { getLatestOperation } from "@/lib/provisioning/operations";
import { manageableKinds } from "@/lib/resources/manageable-kinds";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { PageHeader } from "@/components/page-header";
import { SectionSkeleton } from "@/components/section-skeleton";
import { InventoryStatus } from "../inventory-status";
import { OperationProgressPanel } from "../operation-progress-client";
import { NewResourceForm } from "./new-resource-form-client";
import { ResourceTables } from "./resource-tables";
import { tenantTitle } from "@/lib/tenants/tenant-page-title";

export const generateMetadata = tenantTitle("Resources");

// The freshness line and the tables read the same inventory (once, see loadInventory), each streamed.
export default async function TenantResourcesPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { actor, tenant } = await authorizePage("/t/[tenant]/resources", (await params).tenant);
  const db = await getDb();
  const canWrite = can(actor, "tenant:write", tenant.id);
  const [operation, manageable] = await Promise.all([
    getLatestOperation(db, tenant.id, "resource"),
    manageableKinds(db, tenant.infrastructureId),
  ]);
  return (
    <>
      <PageHeader
        title="Resources"
        description={`Services, load balancers, hosts, buckets and databases of ${tenant.name}, as its cloud reports them.`}
      />
      <Suspense fallback={<div className="mb-3 h-5" />}>
        <InventoryStatus tenant={tenant} />
      </Suspense>
      {!canWrite && <ReadOnlyNotice tenant={tenant.name} what="creating and deleting resources" />}
      {canWrite && tenant.status === "ready" && <NewResourceForm tenant={tenant.name} kinds={manageable} />}
      {canWrite && tenant.status !== "ready" && (
        <p role="status" className="card mb-6 p-4 text-sm text-slate-600">
          Resources can be created once {tenant.name} is ready; it is {tenant.status}.
        </p>
      )}
      <OperationProgressPanel
        key={operation?.id ?? "none"}
        scope="resource"
        tenant={tenant.name}
        initial={{ operation, now: new Date().toISOString() }}
        canManage={canWrite}
        deletionProtection={tenant.deletionProtection}
      />
      <div className="mt-6">
        <Suspense fallback={<SectionSkeleton label="resources" rows={6} />}>
          <ResourceTables tenant={tenant} canWrite={canWrite} />
        </Suspense>
      </div>
    </>
  );
}
