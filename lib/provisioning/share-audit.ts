import type { Db } from "@/db/client";
import type { Share } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";

type Names = { owner: string; grantee: string };

/** One audit event on each tenant of the share, in the caller's transaction. */
export async function auditShareOnBothSides(
  tx: Db,
  share: Pick<Share, "id" | "ownerTenantId" | "granteeTenantId" | "resourceKind" | "resourceName" | "access">,
  names: Names,
  entry: {
    action: string;
    actorId: string | null;
    tokenId?: string | null;
    ip?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const details = {
    shareId: share.id,
    access: share.access,
    owner: names.owner,
    grantee: names.grantee,
    ...entry.details,
  };
  const target = `${share.resourceKind} ${share.resourceName}`;
  for (const tenantId of [share.ownerTenantId, share.granteeTenantId])
    await recordAudit(tx, {
      actorId: entry.actorId,
      tokenId: entry.tokenId,
      action: entry.action,
      tenantId,
      target,
      details,
      ip: entry.ip,
    });
}
