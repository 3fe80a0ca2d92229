import { and, asc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { ssoAccounts, tenantGrants, tenants, users } from "@/db/schema";

/** A user with their SSO identities and tenant grants; null for an unknown or malformed id. */
export async function getUserDetail(db: Db, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      roleSource: users.roleSource,
      status: users.status,
      kind: users.kind,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
      // Never the hash itself: only whether the account has a local password.
      hasPassword: sql<boolean>`${users.passwordHash} is not null`.mapWith(Boolean),
    })
    .from(users)
    .where(eq(users.id, id));
  if (!user) return null;
  const identities = await db
    .select({ issuer: ssoAccounts.issuer, subject: ssoAccounts.subject, createdAt: ssoAccounts.createdAt })
    .from(ssoAccounts)
    .where(eq(ssoAccounts.userId, id))
    .orderBy(asc(ssoAccounts.issuer));
  const grants = await db
    .select({
      tenant: tenants.name,
      level: tenantGrants.level,
      source: tenantGrants.source,
      expiresAt: tenantGrants.expiresAt,
      expired: sql<boolean>`${tenantGrants.expiresAt} is not null and ${tenantGrants.expiresAt} <= now()`.mapWith(
        Boolean,
      ),
    })
    .from(tenantGrants)
    .innerJoin(tenants, eq(tenants.id, tenantGrants.tenantId))
    .where(and(eq(tenantGrants.userId, id), ne(tenants.status, "deleted")))
    .orderBy(asc(tenants.name), asc(tenantGrants.source));
  return { ...user, identities, grants };
}

export type UserDetail = NonNullable<Awaited<ReturnType<typeof getUserDetail>>>;
export type UserGrant = UserDetail["grants"][number];
