import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenantInventory, tenantInventoryRefreshes } from "@/db/schema";
import { driverForInfrastructureId } from "@/lib/cloud";
import type { CloudDriver } from "@/lib/cloud/contract";
import type { Log } from "@/lib/observability/logger";
import { adoptTenants, claimDueTenants, type DueTenant } from "./claim-due-tenants";
import { claimSeconds, type InventorySettings } from "./inventory-settings";
import { refreshTenantInventory, type RefreshOutcome } from "./refresh-tenant-inventory";

type Options = { driverFor?: (db: Db, infrastructureId: string) => Promise<CloudDriver>; budgetMs?: number };
type SweepTally = Record<RefreshOutcome | "dropped" | "crashed", number>;

// Runs work over items, at most `limit` at a time.
async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * One pass of the periodic refresh: claims due tenants a batch at a time and lists their clouds a
 * few at once (one driver per infrastructure), until none is due or the pass has run budgetMs; what
 * is left stays due for the next pass. A deleted tenant's rows are dropped instead.
 */
export async function refreshDueInventories(
  db: Db,
  log: Log,
  settings: InventorySettings,
  { driverFor = driverForInfrastructureId, budgetMs = 20_000 }: Options = {},
): Promise<SweepTally> {
  const tally: SweepTally = { saved: 0, failed: 0, superseded: 0, dropped: 0, crashed: 0 };
  const drivers = new Map<string, Promise<CloudDriver>>();
  const driverOf = (tenant: DueTenant) => {
    if (!drivers.has(tenant.infrastructureId))
      drivers.set(tenant.infrastructureId, driverFor(db, tenant.infrastructureId));
    return drivers.get(tenant.infrastructureId)!;
  };
  const until = Date.now() + budgetMs;
  // At least one batch per pass, however short the budget.
  do {
    const batch = await claimDueTenants(db, settings.batchSize, claimSeconds);
    if (batch.length === 0) break;
    await forEachLimited(batch, settings.concurrency, async (tenant) => {
      try {
        if (tenant.status === "deleted") {
          await db.transaction(async (tx) => {
            await tx.delete(tenantInventory).where(eq(tenantInventory.tenantId, tenant.id));
            await tx.delete(tenantInventoryRefreshes).where(eq(tenantInventoryRefreshes.tenantId, tenant.id));
          });
          tally.dropped++;
        } else tally[await refreshTenantInventory(db, tenant, driverOf(tenant), settings.intervalSeconds)]++;
      } catch (error) {
        tally.crashed++;
        log("error", `inventory of tenant ${tenant.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  } while (Date.now() < until);
  return tally;
}

/** The periodic task: adopts tenants without a refresh row once per interval, and refreshes what is due every tick. */
export function inventoryRefreshTask(
  db: Db,
  log: Log,
  settings: InventorySettings,
  options: Options = {},
): () => Promise<SweepTally> {
  let adoptedAt = -Infinity;
  return async () => {
    if (Date.now() - adoptedAt >= settings.intervalSeconds * 1000) {
      await adoptTenants(db);
      adoptedAt = Date.now();
    }
    return refreshDueInventories(db, log, settings, options);
  };
}
