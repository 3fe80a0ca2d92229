import { and, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { escapeLike } from "@/db/escape-like";
import { apiTokens, auditEvents, tenants, users } from "@/db/schema";
import { sortedBy, sortedNullsLast } from "@/db/sorted-by";
import { listSort } from "@/lib/tables/list-sort";

const day = z.iso.date().optional().catch(undefined);
export const auditFilters = z
  .object({
    actor: z.string().trim().max(254).optional().catch(undefined),
    action: z.string().trim().max(100).optional().catch(undefined),
    tenant: z.string().trim().max(64).optional().catch(undefined),
    from: day,
    to: day,
    page: z.coerce.number().int().min(1).max(10_000).catch(1),
  })
  .extend(listSort(["at", "actor", "action", "tenant"], { sort: "at", dir: "desc" }).shape);
export type AuditFilters = z.infer<typeof auditFilters>;
type AuditSort = Pick<AuditFilters, "sort" | "dir">;
/** The filters a caller gives: without a sort, newest first. */
export type AuditQuery = Omit<AuditFilters, keyof AuditSort> & Partial<AuditSort>;

/** The filters as a condition on audit_events joined to users (actor) and tenants, as the log page reads them. */
export function auditConditions(f: Omit<AuditQuery, "page">): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    f.actor ? ilike(users.email, `%${escapeLike(f.actor)}%`) : undefined,
    f.action ? ilike(auditEvents.action, `${escapeLike(f.action)}%`) : undefined,
    f.tenant ? eq(tenants.name, f.tenant) : undefined,
    f.from ? gte(auditEvents.at, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(auditEvents.at, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)) : undefined,
  ];
  return and(...parts.filter(Boolean));
}

/** One page of audit events as a query, so a test can EXPLAIN how each sort reads the log. */
export function auditPageQuery(db: Db, filters: AuditQuery, pageSize = 50) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      target: auditEvents.target,
      details: auditEvents.details,
      ip: auditEvents.ip,
      actor: users.email,
      actorKind: users.kind,
      // The token a change came through, by the name its owner gave it (a revoked token still names its events).
      token: apiTokens.name,
      tenant: tenants.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(tenants, eq(tenants.id, auditEvents.tenantId))
    .leftJoin(apiTokens, eq(apiTokens.id, auditEvents.tokenId))
    .where(auditConditions(filters))
    .orderBy(...orderOf(filters))
    .limit(pageSize)
    .offset((filters.page - 1) * pageSize);
}

/** One page of audit events in the order asked for (newest first by default), with the total for the filters. */
export async function listAuditEvents(db: Db, filters: AuditQuery, pageSize = 50) {
  const [rows, [total]] = await Promise.all([
    auditPageQuery(db, filters, pageSize),
    db
      .select({ n: count() })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .leftJoin(tenants, eq(tenants.id, auditEvents.tenantId))
      .where(auditConditions(filters)),
  ]);
  return { rows, total: total?.n ?? 0, page: filters.page, pageSize };
}

// Newest first breaks ties, and the id after it, so a page boundary never splits or repeats a row.
// Plain order where an index reads it (at, action); who and which tenant may be missing.
function orderOf({ sort = "at", dir = "desc" }: Partial<AuditSort>) {
  if (sort === "at") return [sortedBy(auditEvents.at, dir), sortedBy(auditEvents.id, dir)];
  const first =
    sort === "action"
      ? sortedBy(auditEvents.action, dir)
      : sortedNullsLast(sort === "actor" ? users.email : tenants.name, dir);
  return [first, desc(auditEvents.at), desc(auditEvents.id)];
}
