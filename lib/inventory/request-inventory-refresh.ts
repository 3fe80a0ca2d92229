import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requestGapSeconds } from "./inventory-settings";

/**
 * Asks the workers to read the tenant's inventory now. Refused (false) while an earlier request
 * is still waiting, or within requestGapSeconds of the last listing: however many people press
 * Refresh, the cloud is asked at most once per gap per tenant.
 */
export async function requestInventoryRefresh(db: Db, tenantId: string): Promise<boolean> {
  const result = await db.execute(sql`
    insert into tenant_inventory_refreshes as r (tenant_id, requested_at, due_at) values (${tenantId}::uuid, now(), now())
    on conflict (tenant_id) do update set requested_at = now(), due_at = now()
    where r.requested_at is null and coalesce(greatest(r.refreshed_at, r.failed_at), '-infinity') < now() - make_interval(secs => ${requestGapSeconds})
    returning r.tenant_id`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}
