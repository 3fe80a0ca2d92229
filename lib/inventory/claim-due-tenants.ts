import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { TenantStatus } from "@/db/schema";

export type DueTenant = { id: string; name: string; infrastructureId: string; status: TenantStatus };

// The limit is written into the statement: as a parameter the planner guesses a tenth of the table
// and reads all of it. Always a whole number (the settings make it).
export const claimDueTenantsQuery = (limit: number, claimSeconds: number) => sql`
    update tenant_inventory_refreshes r set due_at = now() + make_interval(secs => ${claimSeconds})
    from (select tenant_id from tenant_inventory_refreshes where due_at <= now() order by due_at limit ${sql.raw(String(Math.trunc(limit)))} for update skip locked) due
    join tenants t on t.id = due.tenant_id
    where r.tenant_id = due.tenant_id
    returning t.id, t.name, t.infrastructure_id as "infrastructureId", t.status`;

/**
 * Claims up to `limit` tenants whose inventory is due, oldest due first, by moving their due time
 * claimSeconds on: several workers claim disjoint batches (SKIP LOCKED), and a worker that dies
 * mid-batch leaves its tenants due again once the claim runs out.
 */
export async function claimDueTenants(db: Db, limit: number, claimSeconds: number): Promise<DueTenant[]> {
  const result = await db.execute(claimDueTenantsQuery(limit, claimSeconds));
  return (result as unknown as { rows: DueTenant[] }).rows;
}

/**
 * Gives every live tenant without one a refresh row, due at once: tenants made by a seed or before
 * this table existed. Reads every tenant, so the workers run it once per interval, not per tick.
 */
export async function adoptTenants(db: Db): Promise<number> {
  const result = await db.execute(sql`
    insert into tenant_inventory_refreshes (tenant_id)
    select t.id from tenants t
    where t.status <> 'deleted' and not exists (select 1 from tenant_inventory_refreshes r where r.tenant_id = t.id)
    on conflict do nothing
    returning tenant_id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}
