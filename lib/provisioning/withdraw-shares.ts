import { and, eq, notInArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { closedShareStates, operationSteps, shares, tenants, type Tenant } from "@/db/schema";
import type { CloudDriver } from "@/lib/cloud/contract";
import { removeCloudObjects } from "./network-rule-objects";
import { withRetry, type RetryPolicy } from "./retry";
import { runRecordedStep } from "./run-plan";
import type { RunContext } from "./run-context";
import { openStepLog } from "./open-step-log";
import { auditShareOnBothSides } from "./share-audit";

const owner = alias(tenants, "withdrawn_owner");
const grantee = alias(tenants, "withdrawn_grantee");

/** Removes each live share's recorded cloud objects, then marks it revoked, audited on both tenants. */
async function withdrawShares(
  db: Db,
  where: SQL | undefined,
  driverOf: (owner: Tenant) => Promise<CloudDriver>,
  retry: RetryPolicy | undefined,
  reason: string,
): Promise<number> {
  const rows = await db
    .select({ share: shares, owner, grantee })
    .from(shares)
    .innerJoin(owner, eq(owner.id, shares.ownerTenantId))
    .innerJoin(grantee, eq(grantee.id, shares.granteeTenantId))
    .where(and(where, notInArray(shares.state, closedShareStates)));
  for (const row of rows) {
    await removeCloudObjects(await driverOf(row.owner), row.share, row.owner.name, (call) => withRetry(call, retry));
    await db.transaction(async (tx) => {
      await tx
        .update(shares)
        .set({ state: "revoked", cloudRefs: [], revokedAt: sql`now()`, error: null })
        .where(eq(shares.id, row.share.id));
      await auditShareOnBothSides(
        tx,
        row.share,
        { owner: row.owner.name, grantee: row.grantee.name },
        { action: "share.revoked", actorId: null, details: { reason } },
      );
    });
  }
  return rows.length;
}

/** For a tenant being deleted: every share it owns or was given, inside the teardown's inter-tenant step. */
export function revokeSharesTouching(
  db: Db,
  tenant: Pick<Tenant, "id">,
  driverOf: (owner: Tenant) => Promise<CloudDriver>,
  retry?: RetryPolicy,
): Promise<number> {
  const touching = or(eq(shares.ownerTenantId, tenant.id), eq(shares.granteeTenantId, tenant.id));
  return withdrawShares(db, touching, driverOf, retry, "tenant deleted");
}

const resourceStep = "revoke-shares";

/** For a resource being deleted, before it goes: its shares, as a recorded step of the deletion (none when it has none). */
export async function revokeSharesOfResource(ctx: RunContext, tenant: Tenant, kind: string, name: string) {
  const ofResource = and(
    eq(shares.ownerTenantId, tenant.id),
    eq(shares.resourceKind, kind as "bucket"),
    eq(shares.resourceName, name),
  );
  const [live] = await ctx.db
    .select({ id: shares.id })
    .from(shares)
    .where(and(ofResource, notInArray(shares.state, closedShareStates)))
    .limit(1);
  const [begun] = await ctx.db
    .select({ state: operationSteps.state })
    .from(operationSteps)
    .where(and(eq(operationSteps.operationId, ctx.operationId), eq(operationSteps.key, resourceStep)));
  if (begun?.state === "succeeded" || (!live && !begun)) return;
  await openStepLog(ctx.db, ctx, tenant.id, [resourceStep]);
  await runRecordedStep(ctx, resourceStep, async () => ({
    revoked: await withdrawShares(ctx.db, ofResource, async () => ctx.driver, ctx.retry, "resource deleted"),
  }));
}
