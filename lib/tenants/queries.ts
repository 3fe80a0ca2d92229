import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, auditEvents, infrastructures, tenantGrants, tenants, users } from "@/db/schema";
import type { Actor } from "@/lib/context/actor";
import { tenantSummary } from "@/lib/context/find-tenant";
import { seesAllTenants } from "@/lib/auth/policy";

/**
 * The condition on `tenants` that every list of them starts from: live tenants, every one for admins
 * and auditors, granted ones (live grants only, as loaded with the actor) for users; null for none.
 */
export function visibleTenantsWhere(actor: Actor): SQL | null {
  if (seesAllTenants(actor)) return ne(tenants.status, "deleted");
  const granted = [...actor.grants.keys()];
  return granted.length ? and(ne(tenants.status, "deleted"), inArray(tenants.id, granted))! : null;
}

/** The tenants this actor may see: every one for admins and auditors, granted ones for users. */
export async function listVisibleTenants(db: Db, actor: Actor) {
  const visible = visibleTenantsWhere(actor);
  if (!visible) return [];
  return db
    .select(tenantSummary)
    .from(tenants)
    .innerJoin(infrastructures, eq(infrastructures.id, tenants.infrastructureId))
    .where(visible)
    .orderBy(asc(tenants.name));
}

const liveGrant = sql`(${tenantGrants.expiresAt} is null or ${tenantGrants.expiresAt} > now())`;

/** How many people hold a live grant on the tenant (a person with a direct and a group grant counts once). */
export async function countTenantMembers(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${tenantGrants.userId})::int` })
    .from(tenantGrants)
    .where(and(eq(tenantGrants.tenantId, tenantId), liveGrant));
  return row?.n ?? 0;
}

export async function listTenantAccess(db: Db, tenantId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      kind: users.kind,
      level: tenantGrants.level,
      source: tenantGrants.source,
      expiresAt: tenantGrants.expiresAt,
    })
    .from(tenantGrants)
    .innerJoin(users, eq(users.id, tenantGrants.userId))
    .where(and(eq(tenantGrants.tenantId, tenantId), liveGrant))
    .orderBy(asc(users.email));
}

export async function listRecentTenantAudit(db: Db, tenantId: string, limit = 10) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      target: auditEvents.target,
      details: auditEvents.details,
      actor: users.email,
      token: apiTokens.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(apiTokens, eq(apiTokens.id, auditEvents.tokenId))
    .where(eq(auditEvents.tenantId, tenantId))
    .orderBy(desc(auditEvents.at))
    .limit(limit);
}

/** Active users and service accounts to pick from when granting access; a search box replaces this past a few hundred. */
export async function listGrantableUsers(db: Db, limit = 500) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, kind: users.kind })
    .from(users)
    .where(eq(users.status, "active"))
    .orderBy(asc(users.email))
    .limit(limit);
}
