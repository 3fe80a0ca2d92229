import { and, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { escapeLike } from "@/db/escape-like";
import { auditEvents, tenants, users } from "@/db/schema";

const day = z.iso.date().optional().catch(undefined);
export const auditFilters = z.object({
  actor: z.string().trim().max(254).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  tenant: z.string().trim().max(64).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AuditFilters = z.infer<typeof auditFilters>;

function conditions(f: AuditFilters): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.actor ? ilike(users.email, `%${escapeLike(f.actor)}%`) : undefined,
    f.action ? ilike(auditEvents.action, `${escapeLike(f.action)}%`) : undefined,
    f.tenant ? eq(tenants.name, f.tenant) : undefined,
    f.from ? gte(auditEvents.at, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(auditEvents.at, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)) : undefined,
  ];
  return and(...parts.filter(Boolean));
}

/** One page of audit events, newest first, with the total for the filters. */
export async function listAuditEvents(db: Db, filters: AuditFilters, pageSize = 50) {
  const where = conditions(filters);
  const base = () =>
    db
      .select({ n: count() })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .leftJoin(tenants, eq(tenants.id, auditEvents.tenantId));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        action: auditEvents.action,
        target: auditEvents.target,
        details: auditEvents.details,
        ip: auditEvents.ip,
        actor: users.email,
        tenant: tenants.name,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .leftJoin(tenants, eq(tenants.id, auditEvents.tenantId))
      .where(where)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(pageSize)
      .offset((filters.page - 1) * pageSize),
    base().where(where),
  ]);
  return { rows, total: total?.n ?? 0, page: filters.page, pageSize };
}
