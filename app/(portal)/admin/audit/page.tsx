import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { auditFilters, listAuditEvents } from "@/lib/audit/queries";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/empty-state";
import { describeAuditEvent } from "@/lib/words/describe-audit-event";
import { AuditFilterForm, AuditPager, auditQuery } from "./audit-filters";
import { serverSort } from "@/components/sort-header";
import { AuditTable } from "./audit-table";

export const metadata = { title: "Audit log" };

export default async function AdminAuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await authorizePage("/admin/audit");
  const filters = auditFilters.parse(await searchParams);
  const result = await listAuditEvents(await getDb(), filters);
  // Described here so the event details stay on the server.
  const rows = result.rows.map(({ details, target, ...event }) => ({
    ...event,
    what: describeAuditEvent({ ...event, target, details }),
  }));
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
      {rows.length === 0 ? (
        <EmptyState title="No events match these filters">Widen the date range or clear a filter.</EmptyState>
      ) : (
        <AuditTable rows={rows} sort={serverSort("/admin/audit", filters)} />
      )}
      <AuditPager filters={filters} total={result.total} pageSize={result.pageSize} />
    </>
  );
}
