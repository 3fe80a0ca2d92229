import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { shares, type Share } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { auditShareOnBothSides } from "@/lib/provisioning/share-audit";

type Side = { id: string; name: string };
type NewShare = {
  owner: Side;
  grantee: Side;
  kind: Share["resourceKind"];
  resourceName: string;
  access: Share["access"];
  /** An administrator's share starts approved. */
  approved: boolean;
};
type Audit = { action: string; actorId: string; tokenId?: string | null; ip: string | null };

/**
 * Inserts the share and its audit events on both tenants in one transaction, with `then` for what
 * else must commit with it; a live share of the same resource to the same tenant is a clear conflict.
 */
export async function recordNewShare<R extends Record<string, unknown>>(
  db: Db,
  wanted: NewShare,
  audit: Audit,
  then: (tx: Db, share: Share) => Promise<R>,
): Promise<{ shareId: string } & R> {
  try {
    return await db.transaction(async (tx) => {
      const decided = wanted.approved ? { decidedBy: audit.actorId, decidedAt: new Date() } : {};
      const [share] = await tx
        .insert(shares)
        .values({
          ownerTenantId: wanted.owner.id,
          granteeTenantId: wanted.grantee.id,
          resourceKind: wanted.kind,
          resourceName: wanted.resourceName,
          access: wanted.access,
          state: wanted.approved ? "approving" : "requested",
          requestedBy: audit.actorId,
          ...decided,
        })
        .returning();
      const extra = await then(tx, share!);
      const names = { owner: wanted.owner.name, grantee: wanted.grantee.name };
      await auditShareOnBothSides(tx, share!, names, { ...audit, details: { ...extra } });
      return { shareId: share!.id, ...extra };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError(
        `${wanted.grantee.name} already has a share of ${wanted.kind} ${wanted.resourceName}, asked for or in place.`,
      );
    throw error;
  }
}
