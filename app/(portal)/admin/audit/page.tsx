import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { listLatestAuditEvents } from "@/lib/admin/queries";
import { PageHeader } from "@/components/page-header";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";

export const metadata = { title: "Audit log" };

type EventRow = Awaited<ReturnType<typeof listLatestAuditEvents>>[number];

export default async function AdminAuditPage() {
  await authorizePage("/admin/audit");
  const events = await listLatestAuditEvents(await getDb());
  return (
    <>
      <PageHeader title="Audit log" description="The latest 50 changes anyone made, newest first." />
      {events.length === 0 ? (
        <EmptyState title="Nothing has changed yet" />
      ) : (
        <DataTable<EventRow>
          caption="Audit events"
          rows={events}
          rowKey={(e) => String(e.id)}
          columns={[
            { header: "When", cell: (e) => formatDateTime(e.at), className: "whitespace-nowrap text-slate-500" },
            { header: "Who", cell: (e) => e.actor ?? "system" },
            { header: "Action", cell: (e) => <span className="font-medium">{e.action}</span> },
            { header: "Tenant", cell: (e) => e.tenant ?? "—" },
            { header: "Target", cell: (e) => e.target ?? "—" },
          ]}
        />
      )}
    </>
  );
}
