import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  auditEvents,
  operations,
  ssoGroupMappings,
  tenantGrants,
  tenantInventory,
  tenantInventoryRefreshes,
  tenants,
  tenantSecrets,
} from "@/db/schema";
import { LeaseLostError } from "./lease";

type TenantOutcome = { state: "succeeded"; deleted: boolean } | { state: "failed"; error: string };

/**
 * Ends a provisioning or deletion while this worker holds its lease (LeaseLostError otherwise): the
 * operation's end, the tenant's status (a deleted tenant's secrets, grants, group mappings and inventory gone)
 * and the audit event, in one statement, so that none lands without the others.
 */
export async function finishTenantOperation(
  db: Db,
  operationId: string,
  workerId: string,
  tenantId: string,
  outcome: TenantOutcome,
): Promise<void> {
  const failed = outcome.state === "failed";
  const status = failed ? "failed" : outcome.deleted ? "deleted" : "ready";
  const error = failed ? outcome.error : null;
  const removeFromDeleted = (
    name: string,
    table:
      | typeof tenantSecrets
      | typeof tenantGrants
      | typeof ssoGroupMappings
      | typeof tenantInventory
      | typeof tenantInventoryRefreshes,
  ) => sql`, ${sql.identifier(name)} as (delete from ${table} where tenant_id in (select id from marked))`;
  const result = await db.execute(sql`
    with ended as (
      update ${operations} set state = ${failed ? "failed" : "succeeded"}, error = ${error}, finished_at = now(), lease_owner = null, lease_until = null
      where id = ${operationId} and lease_owner = ${workerId} returning id),
    marked as (
      update ${tenants} set status = ${status}, status_message = ${error}, updated_at = now()
      where id = ${tenantId} and exists (select 1 from ended) returning id, name),
    audited as (
      insert into ${auditEvents} (action, tenant_id, target, details)
      select ${`tenant.${status}`}, id, name, ${JSON.stringify(failed ? { error } : {})}::jsonb from marked)
    ${status === "deleted" ? sql.join([removeFromDeleted("secrets", tenantSecrets), removeFromDeleted("grants", tenantGrants), removeFromDeleted("mappings", ssoGroupMappings), removeFromDeleted("inventory", tenantInventory), removeFromDeleted("inventory_reads", tenantInventoryRefreshes)]) : sql``}
    select count(*)::int as held from ended`);
  const [row] = (result as unknown as { rows: { held: number }[] }).rows;
  if (!row?.held)
    throw new LeaseLostError(`Worker ${workerId} lost the lease on operation ${operationId} before finishing it.`);
}
