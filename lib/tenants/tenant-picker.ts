import { and, asc, desc, eq, gt, isNull, like, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { escapeLike } from "@/db/escape-like";
import { favoriteTenants, tenants, tenantVisits, type TenantStatus } from "@/db/schema";
import type { Actor } from "@/lib/context/actor";
import { visibleTenantsWhere } from "./queries";

export const pickerQuery = z.object({
  q: z.string().trim().toLowerCase().max(64, "The search is at most 64 characters.").default(""),
  cursor: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, "Invalid cursor.")
    .optional(),
  limit: z.coerce
    .number({ error: "The limit is a number." })
    .int("The limit is a whole number.")
    .min(1, "The limit is 1 to 50.")
    .max(50, "The limit is 1 to 50.")
    .default(20),
});
export type PickerQuery = z.infer<typeof pickerQuery>;

export type PickerTenant = { name: string; status: TenantStatus; favorite: boolean };
export type TenantPickerPage = {
  favorites: PickerTenant[];
  recent: PickerTenant[];
  results: PickerTenant[];
  nextCursor: string | null;
};

export const recentLimit = 5;
const favoriteLimit = 50;

const pickerColumns = {
  name: tenants.name,
  status: tenants.status,
  favorite: sql<boolean>`${favoriteTenants.userId} is not null`.mapWith(Boolean),
};
const starredBy = (actor: Actor) => and(eq(favoriteTenants.tenantId, tenants.id), eq(favoriteTenants.userId, actor.id));

/**
 * Names that match: one or two characters match the start of a name, more match anywhere in it.
 * Both read the trigram index (a leading character gives the padded trigrams of a name's start).
 */
function nameMatches(q: string): SQL | undefined {
  if (!q) return undefined;
  const text = escapeLike(q);
  return like(tenants.name, q.length < 3 ? `${text}%` : `%${text}%`);
}

/** The statement behind one page of search results, by name after the cursor (exported for EXPLAIN). */
export function pickerSearchQuery(db: Db, actor: Actor, visible: SQL, query: PickerQuery) {
  return db
    .select(pickerColumns)
    .from(tenants)
    .leftJoin(favoriteTenants, starredBy(actor))
    .where(and(visible, nameMatches(query.q), query.cursor ? gt(tenants.name, query.cursor) : undefined))
    .orderBy(asc(tenants.name))
    .limit(query.limit + 1);
}

function listFavorites(db: Db, actor: Actor, visible: SQL): Promise<PickerTenant[]> {
  return db
    .select(pickerColumns)
    .from(favoriteTenants)
    .innerJoin(tenants, eq(tenants.id, favoriteTenants.tenantId))
    .where(and(eq(favoriteTenants.userId, actor.id), visible))
    .orderBy(asc(tenants.name))
    .limit(favoriteLimit);
}

/** The latest visits, favourites left out (they have their own group). */
function listRecent(db: Db, actor: Actor, visible: SQL): Promise<PickerTenant[]> {
  return db
    .select(pickerColumns)
    .from(tenantVisits)
    .innerJoin(tenants, eq(tenants.id, tenantVisits.tenantId))
    .leftJoin(favoriteTenants, starredBy(actor))
    .where(and(eq(tenantVisits.userId, actor.id), visible, isNull(favoriteTenants.userId)))
    .orderBy(desc(tenantVisits.visitedAt))
    .limit(recentLimit);
}

/**
 * What the tenant picker shows: one page of the actor's tenants by name (matching `q`), and, when
 * it opens (no search, first page), their favourites and latest visits first. Only tenants the
 * actor may see, whatever the stored shortcuts say.
 */
export async function tenantPickerPage(db: Db, actor: Actor, query: PickerQuery): Promise<TenantPickerPage> {
  const visible = visibleTenantsWhere(actor);
  if (!visible) return { favorites: [], recent: [], results: [], nextCursor: null };
  const opening = !query.q && !query.cursor;
  const [rows, favorites, recent] = await Promise.all([
    pickerSearchQuery(db, actor, visible, query),
    opening ? listFavorites(db, actor, visible) : [],
    opening ? listRecent(db, actor, visible) : [],
  ]);
  const results = rows.slice(0, query.limit);
  return { favorites, recent, results, nextCursor: rows.length > query.limit ? results.at(-1)!.name : null };
}

/** Whether the actor starred this tenant (the tenant's pages show the star). */
export async function isFavoriteTenant(db: Db, actor: Actor, tenantId: string): Promise<boolean> {
  const rows = await db
    .select({ tenantId: favoriteTenants.tenantId })
    .from(favoriteTenants)
    .where(and(eq(favoriteTenants.userId, actor.id), eq(favoriteTenants.tenantId, tenantId)))
    .limit(1);
  return rows.length > 0;
}
