import type { Tenant } from "@/db/schema";
import { TransientCloudError } from "@/lib/cloud/contract";
import { revokeSharesTouching } from "./withdraw-shares";
import { removeRulesTouching } from "./network-rule-objects";
import { interTenantRulesStep, sweepStep, teardownPhases } from "./plan";
import { withRetry } from "./retry";
import { openStepLog } from "./open-step-log";
import { runRecordedStep } from "./run-plan";
import { removeAll } from "./run-resource";
import type { RunContext } from "./run-context";

const sweepKey = sweepStep;
const rulesKey = interTenantRulesStep;

/**
 * Removes every resource carrying the tenant's tag, phase by phase in dependency order, and
 * finishes only when a sweep by tag finds nothing left. Already-gone counts as removed.
 */
export async function runTeardown(ctx: RunContext, tenant: Tenant): Promise<void> {
  const keys = [rulesKey, ...teardownPhases.map((p) => p.key), sweepKey];
  const done = new Set(
    (await openStepLog(ctx.db, ctx, tenant.id, keys)).previous.filter((s) => s.state === "succeeded").map((s) => s.key),
  );

  // Rules and shares in other tenants that let this one in reference its group and role: they go first.
  if (!done.has(rulesKey))
    await runRecordedStep(ctx, rulesKey, async () => ({
      removed: await removeRulesTouching(ctx.db, tenant, async () => ctx.driver, ctx.retry),
      sharesRevoked: await revokeSharesTouching(ctx.db, tenant, async () => ctx.driver, ctx.retry),
    }));
  for (const phase of teardownPhases) {
    if (done.has(phase.key)) continue;
    await runRecordedStep(ctx, phase.key, async () => {
      const tagged = await withRetry(() => ctx.driver.listTenantResources(tenant.name), ctx.retry);
      // No final snapshot: a deleted tenant leaves nothing tagged behind.
      const refs = phase.kinds.flatMap((kind) =>
        tagged
          .filter((r) => r.kind === kind)
          .map((r) => ({ kind: r.kind, name: r.name, id: r.id, tenant: tenant.name, attributes: {} })),
      );
      await removeAll(ctx, refs);
      return { removed: refs.length };
    });
  }
  await runRecordedStep(ctx, sweepKey, () =>
    withRetry(async () => {
      const left = (await ctx.driver.listTenantResources(tenant.name)).filter(
        (r) => !(r.kind === "kms_key" && r.attributes.pendingDeletion),
      );
      if (left.length > 0)
        throw new TransientCloudError(
          `${left.length} resources still carry the tenant tag: ${left.map((r) => `${r.kind} ${r.name}`).join(", ")}.`,
        );
      return { left: 0 };
    }, ctx.retry),
  );
}
