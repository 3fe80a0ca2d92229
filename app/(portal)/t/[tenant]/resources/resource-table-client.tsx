"use client";

import Link from "next/link";
import { createColumnHelper } from "@tanstack/react-table";
import type { TenantResource, UserKind } from "@/lib/resources/resource-kinds";
import { ClientTable } from "@/components/client-table";
import { CopyableValue } from "@/components/copy-button";
import { RelativeTime } from "@/components/relative-time";
import { DeleteResourceButton } from "./delete-resource-button-client";

// The tenant tag is on everything; the other tags are the ones worth reading.
const shownTags = (tags: Record<string, string> = {}) =>
  Object.entries(tags)
    .filter(([key]) => key !== "enclave:tenant" && key !== "enclave.io/tenant")
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");

const column = createColumnHelper<TenantResource>();

type Props = { tenant: string; kind: UserKind; title: string; rows: TenantResource[]; deletable: boolean; now: string };

/** One kind's resources, sorted and filtered in the browser: a tenant has tens of them, not thousands. */
export function ResourceTableClient({ tenant, kind, title, rows, deletable, now }: Props) {
  const columns = [
    column.accessor("name", {
      header: "Name",
      cell: (c) => (
        <Link
          className="font-medium text-sky-700 hover:underline"
          href={`/t/${tenant}/resources/${kind}/${encodeURIComponent(c.getValue())}`}
        >
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor((r) => r.status ?? "—", { id: "status", header: "Status" }),
    ...(kind === "load-balancer"
      ? [
          column.accessor((r) => String(r.attributes.address ?? ""), {
            id: "address",
            header: "Address",
            cell: (c) => (c.getValue() ? <CopyableValue value={c.getValue()} label="address" /> : "pending"),
          }),
        ]
      : []),
    column.accessor((r) => shownTags(r.tags), {
      id: "tags",
      header: "Tags",
      cell: (c) => <span className="font-mono text-xs text-slate-600">{c.getValue() || "tenant tag only"}</span>,
    }),
    column.accessor((r) => r.createdAt ?? "", {
      id: "created",
      header: "Created",
      cell: (c) => <RelativeTime at={c.getValue() || null} now={now} />,
      enableGlobalFilter: false,
      meta: { className: "text-slate-600" },
    }),
    ...(deletable && kind !== "load-balancer"
      ? [
          column.display({
            id: "actions",
            header: "Actions",
            cell: (c) => <DeleteResourceButton tenant={tenant} kind={kind} name={c.row.original.name} />,
          }),
        ]
      : []),
  ];
  return <ClientTable caption={title} rows={rows} columns={columns} rowId={(r) => r.id} />;
}
