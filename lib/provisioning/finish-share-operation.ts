import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operationSteps, shares, tenants, type Operation, type Share } from "@/db/schema";
import { finishHeldOperation } from "./lease";
import { auditShareOnBothSides } from "./share-audit";

type Outcome = { state: "succeeded" } | { state: "failed"; error: string };
type CloudRef = Share["cloudRefs"][number];

const sameRef = (a: CloudRef) => (b: CloudRef) => a.kind === b.kind && a.id === b.id;

/**
 * Ends a share operation while this worker holds its lease: the operation, the share's new state
 * with what its steps made or removed, and an audit event on both tenants, in one transaction.
 */
export async function finishShareOperation(db: Db, op: Operation, workerId: string, outcome: Outcome): Promise<void> {
  await db.transaction(async (tx) => {
    await finishHeldOperation(tx, op.id, workerId, outcome);
    const [share] = await tx.select().from(shares).where(eq(shares.id, op.shareId!)).for("update");
    if (!share || (share.state !== "approving" && share.state !== "revoking")) return;
    const steps = await tx
      .select({ key: operationSteps.key, result: operationSteps.result })
      .from(operationSteps)
      .where(and(eq(operationSteps.operationId, op.id), eq(operationSteps.state, "succeeded")));
    const results = steps.map((s) => s.result as CloudRef);
    const granting = share.state === "approving";
    const cloudRefs = granting
      ? [...share.cloudRefs, ...results.filter((r) => !share.cloudRefs.some(sameRef(r)))]
      : share.cloudRefs.filter((r) => !results.some(sameRef(r)));
    const failed = outcome.state === "failed";
    const state = failed ? "failed" : granting ? "active" : "revoked";
    await tx
      .update(shares)
      .set({ state, cloudRefs, error: failed ? outcome.error : null })
      .where(eq(shares.id, share.id));
    const names = await tx
      .select({ id: tenants.id, name: tenants.name })
      .from(tenants)
      .where(eq(tenants.id, share.granteeTenantId))
      .union(
        tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.id, share.ownerTenantId)),
      );
    const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? "";
    const action = `share.${granting ? "granted" : "removed"}${failed ? "_failed" : ""}`;
    await auditShareOnBothSides(
      tx,
      share,
      { owner: nameOf(share.ownerTenantId), grantee: nameOf(share.granteeTenantId) },
      { action, actorId: null, details: { operationId: op.id, ...(failed ? { error: outcome.error } : {}) } },
    );
  });
}
