import { eq, sql } from "drizzle-orm";
import { shares } from "@/db/schema";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { can } from "@/lib/auth/policy";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { auditActor } from "@/lib/audit/record";
import { loadShareFor } from "./load-share";
import { auditShareOnBothSides } from "@/lib/provisioning/share-audit";
import type { RevokeShareInput } from "./share-input";
import { startShareOperation } from "./start-share-operation";

/**
 * Either tenant (the context's) ends the share. A request nothing was made for ends at once; a share
 * with cloud objects goes to "revoking" and the owner's operation removes exactly what it recorded.
 */
export async function revokeShare(
  ctx: TenantServiceContext<"id" | "name">,
  input: Omit<RevokeShareInput, "tenant">,
): Promise<{ operationId: string | null }> {
  const { db, actor } = ctx;
  if (!can(actor, "tenant:write", ctx.tenant.id)) throw new NotFoundError("That share does not exist.");
  return db.transaction(async (tx) => {
    const { share, owner, grantee } = await loadShareFor(tx, input.shareId, ctx.tenant.id, "either");
    if (share.state === "approving" || share.state === "revoking")
      throw new ConflictError(`This share is ${share.state}; wait for that to finish, then revoke it.`);
    if (share.state === "declined" || share.state === "revoked")
      throw new ConflictError(`This share is already ${share.state}.`);
    const immediate = share.state === "requested";
    await tx
      .update(shares)
      .set({ state: immediate ? "revoked" : "revoking", revokedBy: actor.id, revokedAt: sql`now()` })
      .where(eq(shares.id, share.id));
    const operationId = immediate ? null : await startShareOperation(tx, owner, share.id);
    await auditShareOnBothSides(
      tx,
      share,
      { owner: owner.name, grantee: grantee.name },
      { action: "share.revoked", ...auditActor(actor), ip: ctx.ip, details: { operationId, by: ctx.tenant.name } },
    );
    return { operationId };
  });
}
