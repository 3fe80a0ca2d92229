import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { formatDateTime } from "@/components/format";
import { userKinds, type TenantResource, type UserKind } from "@/lib/resources/resource-kinds";
import { DeleteResourceButton } from "./delete-resource-button-client";

// The tenant tag is on everything; the other tags are the ones worth reading.
const shownTags = (tags: Record<string, string> = {}) =>
  Object.entries(tags).filter(([key]) => key !== "enclave:tenant" && key !== "enclave.io/tenant");

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
      <DataTable
        caption={title}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          {
            header: "Name",
            cell: (r) => (
              <Link
                className="font-medium text-sky-700 hover:underline"
                href={`/t/${tenant}/resources/${kind}/${encodeURIComponent(r.name)}`}
              >
                {r.name}
              </Link>
            ),
          },
          { header: "Status", cell: (r) => r.status ?? "—" },
          {
            header: "Tags",
            cell: (r) => (
              <span className="font-mono text-xs text-slate-600">
                {shownTags(r.tags)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(", ") || "tenant tag only"}
              </span>
            ),
          },
          { header: "Created", cell: (r) => (r.createdAt ? formatDateTime(new Date(r.createdAt)) : "—") },
          ...(canWrite && manageable && kind !== "load-balancer"
            ? [
                {
                  header: "Actions",
                  cell: (r: TenantResource) => <DeleteResourceButton tenant={tenant} kind={kind} name={r.name} />,
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
