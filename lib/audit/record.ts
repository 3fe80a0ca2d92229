import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  tenantId?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Call with the transaction that makes the change, so the change cannot commit without it. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: entry.actorId,
    action: entry.action,
    tenantId: entry.tenantId ?? null,
    target: entry.target ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}
