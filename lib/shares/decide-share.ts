import { eq, sql } from "drizzle-orm";
import { shares } from "@/db/schema";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { can } from "@/lib/auth/policy";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { auditActor } from "@/lib/audit/record";
import { loadShareFor } from "./load-share";
import { auditShareOnBothSides } from "@/lib/provisioning/share-audit";
import type { DecideShareInput } from "./share-input";
import { startShareOperation } from "./start-share-operation";

/**
 * The owner tenant (the context's tenant) approves or declines a request. Approving starts the
 * operation that makes the grant in the cloud (the caller enqueues it after commit); a failed
 * share may be approved again, which makes what is missing.
 */
export async function decideShare(
  ctx: TenantServiceContext<"id" | "name">,
  input: Omit<DecideShareInput, "tenant">,
): Promise<{ operationId: string | null }> {
  const { db, actor } = ctx;
  if (!can(actor, "tenant:write", ctx.tenant.id)) throw new NotFoundError("That share does not exist.");
  return db.transaction(async (tx) => {
    const { share, owner, grantee } = await loadShareFor(tx, input.shareId, ctx.tenant.id, "owner");
    const approve = input.decision === "approve";
    const decidable = approve ? ["requested", "failed"] : ["requested"];
    if (!decidable.includes(share.state))
      throw new ConflictError(
        `This share is ${share.state}; only a request can be ${approve ? "approved" : "declined"}.`,
      );
    if (approve)
      for (const t of [owner, grantee])
        if (t.status !== "ready") throw new ConflictError(`Shares need both tenants ready; ${t.name} is ${t.status}.`);
    await tx
      .update(shares)
      .set({
        state: approve ? "approving" : "declined",
        decidedBy: actor.id,
        decidedAt: sql`now()`,
        error: null,
      })
      .where(eq(shares.id, share.id));
    const operationId = approve ? await startShareOperation(tx, owner, share.id) : null;
    await auditShareOnBothSides(
      tx,
      share,
      { owner: owner.name, grantee: grantee.name },
      {
        action: approve ? "share.approved" : "share.declined",
        ...auditActor(actor),
        ip: ctx.ip,
        details: { operationId },
      },
    );
    return { operationId };
  });
}
