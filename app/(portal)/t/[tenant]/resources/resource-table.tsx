import { userKinds, type TenantResource, type UserKind } from "@/lib/resources/resource-kinds";
import { ResourceTableClient } from "./resource-table-client";

export function ResourceTable({
  tenant,
  kind,
  rows,
  canWrite,
}: {
  tenant: string;
  kind: UserKind;
  rows: TenantResource[];
  canWrite: boolean;
}) {
  const { title, manageable } = userKinds[kind];
  return (
    <section aria-labelledby={`kind-${kind}`} className="mb-8">
      <h2 id={`kind-${kind}`} className="mb-3 text-lg font-semibold">
        {title} <span className="text-sm font-normal text-slate-500">({rows.length})</span>
      </h2>
      <ResourceTableClient
        tenant={tenant}
        kind={kind}
        title={title}
        rows={rows}
        deletable={canWrite && manageable && kind !== "load-balancer"}
        now={new Date().toISOString()}
      />
    </section>
  );
}
