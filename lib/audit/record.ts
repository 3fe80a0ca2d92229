import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "@/lib/context/actor";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  tenantId?: string | null;
  target?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
  /** The access token the change came through, when it did. */
  tokenId?: string | null;
}

/** Who an audit event names: the user (a person or a service account) and the token they used. */
export function auditActor(actor: Pick<Actor, "id" | "token">): { actorId: string; tokenId: string | null } {
  return { actorId: actor.id, tokenId: actor.token?.id ?? null };
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
    tokenId: entry.tokenId ?? null,
  });
}
