import { DataTable, type Column } from "@/components/data-table";
import type { ServerSort } from "@/components/sort-header";
import { RelativeTime } from "@/components/relative-time";
import { AuditActor } from "./audit-actor";

export type AuditTableRow = {
  id: number;
  at: Date;
  actor: string | null;
  actorKind: "person" | "service" | null;
  token: string | null;
  what: string;
  action: string;
  tenant: string | null;
  ip: string | null;
};

// Sort keys are the server's (lib/audit/queries.ts).
const columnsAt = (now: Date): Column<AuditTableRow>[] => [
  {
    header: "When",
    sortKey: "at",
    firstDir: "desc",
    cell: (e) => <RelativeTime at={e.at} now={now} />,
    className: "text-slate-500",
  },
  { header: "Who", sortKey: "actor", cell: (e) => <AuditActor event={e} /> },
  {
    header: "What",
    sortKey: "action",
    cell: (e) => (
      <>
        <span className="font-medium">{e.what}</span> <code className="text-xs text-slate-500">{e.action}</code>
      </>
    ),
  },
  { header: "Tenant", sortKey: "tenant", cell: (e) => e.tenant ?? "—" },
  { header: "IP", cell: (e) => e.ip ?? "—", className: "text-slate-500" },
];

type Props = {
  rows: AuditTableRow[];
  sort: ServerSort;
};

export function AuditTable({ rows, sort }: Props) {
  return (
    <DataTable
      caption="Audit events"
      rows={rows}
      columns={columnsAt(new Date())}
      rowKey={(e) => String(e.id)}
      sort={sort}
    />
  );
}
