import { getDb } from "@/db";
import { listRecentTenantAudit } from "@/lib/tenants/queries";
import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/relative-time";
import { describeAuditEvent } from "@/lib/words/describe-audit-event";

/** The tenant's latest audit events. */
export async function OverviewActivity({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const events = await listRecentTenantAudit(await getDb(), tenantId);
  if (events.length === 0)
    return (
      <EmptyState title="No activity yet">
        Changes to this tenant — grants, resources, settings — will be listed here.
      </EmptyState>
    );
  return (
    <ul className="card divide-y divide-slate-100 text-sm">
      {events.map((e) => (
        <li key={e.id} className="flex justify-between gap-4 px-4 py-2">
          <span>{describeAuditEvent({ ...e, tenant: tenantName })}</span>
          <span className="text-slate-500">
            {e.actor ?? "system"}
            {e.token && ` via token ${e.token}`} · <RelativeTime at={e.at} />
          </span>
        </li>
      ))}
    </ul>
  );
}
