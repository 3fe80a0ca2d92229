import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, auditEvents, tenants, users } from "@/db/schema";
import { auditConditions } from "@/lib/audit/queries";

export type AuditCursor = { at: string; id: number };

// Microseconds, which a JavaScript Date would round away: the cursor must name the row exactly.
const exactAt = sql<string>`to_char(${auditEvents.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Newest first by (at, id), after the cursor: an event logged between two pages never shifts them. */
export async function auditEventsAfter(
  db: Db,
  filters: { tenant?: string; action?: string },
  after: AuditCursor | null,
  limit: number,
) {
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      cursorAt: exactAt,
      action: auditEvents.action,
      tenant: tenants.name,
      target: auditEvents.target,
      details: auditEvents.details,
      ip: auditEvents.ip,
      actorId: users.id,
      actorName: users.name,
      actorEmail: users.email,
      actorKind: users.kind,
      tokenId: auditEvents.tokenId,
      tokenName: apiTokens.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(tenants, eq(tenants.id, auditEvents.tenantId))
    .leftJoin(apiTokens, eq(apiTokens.id, auditEvents.tokenId))
    .where(
      and(
        auditConditions(filters),
        after
          ? sql`${auditEvents.at} <= ${after.at}::timestamptz
              and (${auditEvents.at}, ${auditEvents.id}) < (${after.at}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
