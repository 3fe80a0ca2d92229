import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { auditFilters, listAuditEvents } from "@/lib/audit/queries";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/relative-time";
import { describeAuditEvent } from "@/lib/words/describe-audit-event";
import { AuditFilterForm, AuditPager, auditQuery } from "./audit-filters";

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
        actions={
          <a className="btn-secondary" href={`/api/admin/audit/export?${auditQuery({ ...filters, page: 1 })}`} download>
            Download CSV
          </a>
        }
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
            { header: "When", cell: (e) => <RelativeTime at={e.at} />, className: "text-slate-500" },
            { header: "Who", cell: (e) => e.actor ?? "system" },
            {
              header: "What",
              cell: (e) => (
                <>
                  <span className="font-medium">{describeAuditEvent(e)}</span>{" "}
                  <code className="text-xs text-slate-500">{e.action}</code>
                </>
              ),
            },
            { header: "Tenant", cell: (e) => e.tenant ?? "—" },
            { header: "IP", cell: (e) => e.ip ?? "—", className: "text-slate-500" },
          ]}
        />
      )}
      <AuditPager filters={filters} total={result.total} pageSize={result.pageSize} />
    </>
  );
}
