import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { listTenantCloud } from "@/lib/cloud/list-with-timeout";
import { getLatestOperation } from "@/lib/provisioning/operations";
import { toTenantResources, userKinds, type ManageableKind, type UserKind } from "@/lib/resources/resource-kinds";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { OperationProgressPanel } from "../operation-progress-client";
import { NewResourceForm } from "./new-resource-form-client";
import { ResourceTable } from "./resource-table";

export const metadata = { title: "Resources" };

export default async function TenantResourcesPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { actor, tenant } = await authorizePage("/t/[tenant]/resources", (await params).tenant);
  const db = await getDb();
  const canWrite = can(actor, "tenant:write", tenant.id);
  const [cloud, operation] = await Promise.all([listTenantCloud(db, tenant), getLatestOperation(db, tenant.id, "resource")]);
  const resources = toTenantResources(cloud.resources);
  const manageable = (["service", "host", "bucket"] as const).filter((k) => cloud.driver?.supports?.(userKinds[k].cloudKind) ?? true) as ManageableKind[];
  const kinds = (Object.keys(userKinds) as UserKind[]).filter((k) => resources.some((r) => r.kind === k));
  return (
    <>
      <PageHeader title="Resources" description={`Services, load balancers, hosts and buckets of ${tenant.name}, as its cloud reports them.`} />
      {canWrite && tenant.status === "ready" && <NewResourceForm tenant={tenant.name} kinds={manageable} />}
      {canWrite && tenant.status !== "ready" && (
        <p role="status" className="card mb-6 p-4 text-sm text-slate-600">
          Resources can be created once {tenant.name} is ready; it is {tenant.status}.
        </p>
      )}
      <OperationProgressPanel key={operation?.id ?? "none"} scope="resource" tenant={tenant.name} initial={{ operation, now: new Date().toISOString() }} canManage={canWrite} deletionProtection={tenant.deletionProtection} />
      <div className="mt-6">
        {cloud.error ? (
          <p role="status" className="card p-4 text-sm text-amber-800">{cloud.error}</p>
        ) : kinds.length === 0 ? (
          <EmptyState title="Nothing runs in this tenant yet">
            {canWrite ? "Create a service, a host or a bucket above; it appears here while it is being made." : "Someone with write access to this tenant can create services, hosts and buckets here."}
          </EmptyState>
        ) : (
          kinds.map((kind) => <ResourceTable key={kind} tenant={tenant.name} kind={kind} rows={resources.filter((r) => r.kind === kind)} canWrite={canWrite} />)
        )}
      </div>
    </>
  );
}
