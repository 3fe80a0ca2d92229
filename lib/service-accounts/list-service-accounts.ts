import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";

// Pipelines are few next to people: one page, cut at a size no install reaches by hand.
const serviceAccountLimit = 500;

/** Every service account with its live tokens, the last time any was used, and how many tenants it reaches. */
export async function listServiceAccounts(db: Db) {
  // Raw names: drizzle leaves columns unqualified in a one-table select, which the subqueries would make ambiguous.
  const liveTokens = sql<number>`(
    select count(*) from api_tokens t
    where t.user_id = "users"."id" and t.revoked_at is null and t.expires_at > now()
  )`.mapWith(Number);
  const lastUsedAt = sql<Date | null>`(
    select max(t.last_used_at) from api_tokens t where t.user_id = "users"."id"
  )`.mapWith(apiTokens.lastUsedAt);
  const tenantCount = sql<number>`(
    select count(distinct g.tenant_id) from tenant_grants g join tenants tn on tn.id = g.tenant_id
    where g.user_id = "users"."id" and (g.expires_at is null or g.expires_at > now()) and tn.status <> 'deleted'
  )`.mapWith(Number);
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      createdAt: users.createdAt,
      liveTokens,
      lastUsedAt,
      tenantCount,
    })
    .from(users)
    .where(eq(users.kind, "service"))
    .orderBy(asc(users.name), asc(users.email))
    .limit(serviceAccountLimit);
}

export type ServiceAccountRow = Awaited<ReturnType<typeof listServiceAccounts>>[number];
