import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenantInventory, tenantInventoryRefreshes } from "@/db/schema";
import type { ResourceRef } from "@/lib/cloud/contract";

/** One listing of a tenant's cloud: what it held, or why it could not be read; startedAt on the database's clock. */
export type Listing = { startedAt: Date } & ({ resources: ResourceRef[] } | { error: string });

const rowsOf = (tenantId: string, resources: ResourceRef[]) => {
  const unique = new Map(resources.map((r) => [`${r.kind}\u0000${r.name}\u0000${r.id}`, r]));
  return [...unique.values()].map((r) => ({
    tenantId,
    kind: r.kind,
    name: r.name,
    cloudId: r.id,
    status: r.status ?? null,
    tags: r.tags ?? {},
    attributes: r.attributes ?? {},
    createdAt: r.createdAt ? new Date(r.createdAt) : null,
  }));
};

/**
 * Replaces the tenant's rows with a good listing, or records a failed one and keeps the last good
 * rows. Listings of one tenant are saved one at a time (the refresh row is locked), and one that
 * started before the listing already saved is dropped: the newest read wins. False when dropped.
 */
export async function saveInventory(
  db: Db,
  tenantId: string,
  listing: Listing,
  nextInSeconds: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.insert(tenantInventoryRefreshes).values({ tenantId }).onConflictDoNothing();
    const [state] = await tx
      .select()
      .from(tenantInventoryRefreshes)
      .where(eq(tenantInventoryRefreshes.tenantId, tenantId))
      .for("update");
    if (state!.refreshedAt && state!.refreshedAt > listing.startedAt) return false;
    // A request made while this listing ran is answered by the next one, which stays due.
    const laterRequest = state!.requestedAt !== null && state!.requestedAt > listing.startedAt;
    const schedule = {
      requestedAt: laterRequest ? state!.requestedAt : null,
      dueAt: laterRequest ? state!.dueAt : sql`now() + make_interval(secs => ${nextInSeconds})`,
    };
    if ("error" in listing) {
      await tx
        .update(tenantInventoryRefreshes)
        .set({ error: listing.error, failedAt: sql`now()`, ...schedule })
        .where(eq(tenantInventoryRefreshes.tenantId, tenantId));
      return true;
    }
    await tx.delete(tenantInventory).where(eq(tenantInventory.tenantId, tenantId));
    const rows = rowsOf(tenantId, listing.resources);
    for (let i = 0; i < rows.length; i += 1_000) await tx.insert(tenantInventory).values(rows.slice(i, i + 1_000));
    await tx
      .update(tenantInventoryRefreshes)
      .set({ refreshedAt: listing.startedAt, error: null, failedAt: null, ...schedule })
      .where(eq(tenantInventoryRefreshes.tenantId, tenantId));
    return true;
  });
}
