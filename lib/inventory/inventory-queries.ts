import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenantInventory, tenantInventoryRefreshes, type TenantInventoryRow } from "@/db/schema";
import type { ResourceRef } from "@/lib/cloud/contract";

/** What pages show of a tenant's inventory: its resources as the cloud listed them, and how fresh that is. */
export type InventoryResource = Omit<ResourceRef, "tenant">;
export type InventoryFreshness = {
  refreshedAt: Date | null;
  error: string | null;
  failedAt: Date | null;
  requestedAt: Date | null;
};
/** freshness is null for a tenant never read (no refresh row yet). */
type InventoryView = { freshness: InventoryFreshness | null; resources: InventoryResource[] };

const freshnessColumns = {
  refreshedAt: tenantInventoryRefreshes.refreshedAt,
  error: tenantInventoryRefreshes.error,
  failedAt: tenantInventoryRefreshes.failedAt,
  requestedAt: tenantInventoryRefreshes.requestedAt,
};

const toResource = (row: TenantInventoryRow): InventoryResource => ({
  kind: row.kind,
  name: row.name,
  id: row.cloudId,
  status: row.status ?? undefined,
  createdAt: row.createdAt?.toISOString(),
  tags: row.tags,
  attributes: row.attributes,
});

/** The tenant's refresh record and its rows by kind and name, in one query over both primary keys. */
export function inventoryViewQuery(db: Db, tenantId: string) {
  return db
    .select({ freshness: freshnessColumns, row: tenantInventory })
    .from(tenantInventoryRefreshes)
    .leftJoin(tenantInventory, eq(tenantInventory.tenantId, tenantInventoryRefreshes.tenantId))
    .where(eq(tenantInventoryRefreshes.tenantId, tenantId))
    .orderBy(asc(tenantInventory.kind), asc(tenantInventory.name));
}

export async function readTenantInventory(db: Db, tenantId: string): Promise<InventoryView> {
  const rows = await inventoryViewQuery(db, tenantId);
  if (rows.length === 0) return { freshness: null, resources: [] };
  return { freshness: rows[0]!.freshness, resources: rows.flatMap((r) => (r.row ? [toResource(r.row)] : [])) };
}

export async function readInventoryFreshness(db: Db, tenantId: string): Promise<InventoryFreshness | null> {
  const [row] = await db
    .select(freshnessColumns)
    .from(tenantInventoryRefreshes)
    .where(eq(tenantInventoryRefreshes.tenantId, tenantId));
  return row ?? null;
}

/** One resource of the tenant by kind and name, from its last listing. */
function inventoryResourceQuery(db: Db, tenantId: string, kind: ResourceRef["kind"], name: string) {
  return db
    .select()
    .from(tenantInventory)
    .where(and(eq(tenantInventory.tenantId, tenantId), eq(tenantInventory.kind, kind), eq(tenantInventory.name, name)))
    .limit(1);
}

export async function findInventoryResource(
  db: Db,
  tenantId: string,
  kind: ResourceRef["kind"],
  name: string,
): Promise<InventoryResource | null> {
  const [row] = await inventoryResourceQuery(db, tenantId, kind, name);
  return row ? toResource(row) : null;
}

/** Freshness as plain strings, for the browser (the page's first render and the status route alike). */
export type FreshnessSnapshot = {
  refreshedAt: string | null;
  error: string | null;
  failedAt: string | null;
  requestedAt: string | null;
} | null;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const freshnessSnapshot = (f: InventoryFreshness | null): FreshnessSnapshot =>
  f && { refreshedAt: iso(f.refreshedAt), error: f.error, failedAt: iso(f.failedAt), requestedAt: iso(f.requestedAt) };

/** Never listed, neither well nor badly: the page says "not yet read" and asks for a first listing. */
export const neverRead = (f: InventoryFreshness | null) => !f || (f.refreshedAt === null && f.failedAt === null);
