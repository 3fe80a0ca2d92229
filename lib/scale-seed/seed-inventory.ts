import { and, inArray, isNotNull } from "drizzle-orm";
import { tenantInventoryRefreshes } from "@/db/schema";
import { driverForInfrastructureId } from "@/lib/cloud";
import { inventorySettings } from "@/lib/inventory/inventory-settings";
import { refreshTenantInventory } from "@/lib/inventory/refresh-tenant-inventory";
import { chunk } from "./batch-sql";
import type { ScaleContext } from "./scale-context";

/** Seeded tenants whose inventory has been read once. */
async function readTenantIds(ctx: ScaleContext): Promise<Set<string>> {
  const ids = ctx.tenants.map((t) => t.id);
  const rows = await ctx.db
    .select({ id: tenantInventoryRefreshes.tenantId })
    .from(tenantInventoryRefreshes)
    .where(and(inArray(tenantInventoryRefreshes.tenantId, ids), isNotNull(tenantInventoryRefreshes.refreshedAt)));
  return new Set(rows.map((r) => r.id));
}

export const countInventoried = async (ctx: ScaleContext) => (await readTenantIds(ctx)).size;

/**
 * Reads each seeded tenant's fleet into the inventory once, as the workers would, so a portal
 * started on the seed serves its pages from the read model at once instead of "not yet read".
 */
export async function insertInventories(ctx: ScaleContext): Promise<number> {
  const done = await readTenantIds(ctx);
  const driver = driverForInfrastructureId(ctx.db, ctx.infrastructureId);
  const { intervalSeconds } = inventorySettings();
  let read = 0;
  for (const batch of chunk(
    ctx.tenants.filter((t) => !done.has(t.id)),
    8,
  )) {
    const outcomes = await Promise.all(
      batch.map((tenant) => refreshTenantInventory(ctx.db, tenant, driver, intervalSeconds)),
    );
    read += outcomes.filter((o) => o === "saved").length;
  }
  return read;
}
