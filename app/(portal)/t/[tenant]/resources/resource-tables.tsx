import { neverRead } from "@/lib/inventory/inventory-queries";
import { toTenantResources, userKinds, type UserKind } from "@/lib/resources/resource-kinds";
import { EmptyState } from "@/components/empty-state";
import { loadInventory } from "../inventory-data";
import { ResourceTable } from "./resource-table";

/** One table per kind the tenant has, from the inventory the workers keep. */
export async function ResourceTables({
  tenant,
  canWrite,
}: {
  tenant: { id: string; name: string };
  canWrite: boolean;
}) {
  const view = await loadInventory(tenant.id);
  const resources = toTenantResources(view.resources);
  const kinds = (Object.keys(userKinds) as UserKind[]).filter((k) => resources.some((r) => r.kind === k));
  if (neverRead(view.freshness))
    return (
      <EmptyState title="Not yet read">
        This tenant&apos;s cloud has not been listed yet; its resources appear here after the first read.
      </EmptyState>
    );
  if (kinds.length === 0) {
    return (
      <EmptyState title="Nothing runs in this tenant yet">
        {canWrite
          ? "Create a service, a host, a bucket or a database above; it appears here while it is being made."
          : "Someone with write access to this tenant can create services, hosts, buckets and databases here."}
      </EmptyState>
    );
  }
  return (
    <>
      {kinds.map((kind) => (
        <ResourceTable
          key={kind}
          tenant={tenant.name}
          kind={kind}
          rows={resources.filter((r) => r.kind === kind)}
          canWrite={canWrite}
        />
      ))}
    </>
  );
}
