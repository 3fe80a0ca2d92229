import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { auditFilters, listAuditEvents } from "@/lib/audit/queries";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";
import { AuditFilterForm, AuditPager } from "./audit-filters";

export const metadata = { title: "Audit log" };

type EventRow = Awaited<ReturnType<typeof listAuditEvents>>["rows"][number];

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await authorizePage("/admin/audit");
  const filters = auditFilters.parse(await searchParams);
  const result = await listAuditEvents(await getDb(), filters);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change anyone made, newest first: who, what, on which tenant, from where."
      />
      <AuditFilterForm filters={filters} />
      {result.rows.length === 0 ? (
        <EmptyState title="No events match these filters">Widen the date range or clear a filter.</EmptyState>
      ) : (
        <DataTable<EventRow>
          caption="Audit events"
          rows={result.rows}
          rowKey={(e) => String(e.id)}
          columns={[
            { header: "When", cell: (e) => formatDateTime(e.at), className: "whitespace-nowrap text-slate-500" },
            { header: "Who", cell: (e) => e.actor ?? "system" },
            { header: "Action", cell: (e) => <span className="font-medium">{e.action}</span> },
            { header: "Tenant", cell: (e) => e.tenant ?? "—" },
            { header: "Target", cell: (e) => e.target ?? "—" },
            {
              header: "Details",
              cell: (e) => <code className="text-xs break-all text-slate-600">{JSON.stringify(e.details)}</code>,
            },
            { header: "IP", cell: (e) => e.ip ?? "—", className: "text-slate-500" },
          ]}
        />
      )}
      <AuditPager filters={filters} total={result.total} pageSize={result.pageSize} />
    </>
  );
}
