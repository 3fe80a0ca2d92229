import { asc, count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, infrastructures, tenantGrants, tenants, users } from "@/db/schema";

export async function listUsersWithTenantCounts(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      lastSignInAt: users.lastSignInAt,
      tenantCount: count(tenantGrants.id),
    })
    .from(users)
    .leftJoin(tenantGrants, eq(tenantGrants.userId, users.id))
    .groupBy(users.id)
    .orderBy(asc(users.email));
}

export async function listInfrastructuresWithTenantCounts(db: Db) {
  return db
    .select({
      id: infrastructures.id,
      name: infrastructures.name,
      driver: infrastructures.driver,
      region: infrastructures.region,
      createdAt: infrastructures.createdAt,
      tenantCount: count(tenants.id),
    })
    .from(infrastructures)
    .leftJoin(tenants, eq(tenants.infrastructureId, infrastructures.id))
    .groupBy(infrastructures.id)
    .orderBy(asc(infrastructures.name));
}

export async function listLatestAuditEvents(db: Db, limit = 50) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      target: auditEvents.target,
      actor: users.email,
      tenant: tenants.name,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(tenants, eq(tenants.id, auditEvents.tenantId))
    .orderBy(desc(auditEvents.at))
    .limit(limit);
}
