import { tenantSecrets, type Tenant } from "@/db/schema";
import type { ResourceRef } from "@/lib/cloud/driver";
import { createLogger } from "@/lib/observability/logger";
import { tenantHasPem } from "@/lib/tenants/queries";
import type { PlanStep } from "./plan";
import { withRetry } from "./retry";
import { assertWritten, openStepLog, recordFailure, recordIntent, recordSuccess, writeSuccesses } from "./step-log";
import type { RunContext } from "./run-context";

const logger = createLogger("provisioning");

/**
 * Runs every step not yet succeeded, each as soon as its dependencies have, the longest chain to
 * the end first (its writes then queue ahead of the others'); stops launching after a failure.
 */
export async function runPlan(ctx: RunContext, tenant: Tenant, steps: PlanStep[]): Promise<void> {
  const plan = longestChainFirst(steps);
  const results: Record<string, ResourceRef> = {};
  for (const row of await openStepLog(ctx.db, ctx.operationId, tenant.id, plan.map((s) => s.key))) if (row.state === "succeeded") results[row.key] = row.result as unknown as ResourceRef;

  const running = new Map<string, Promise<void>>();
  let failure: unknown = null;
  const launchReady = () => {
    for (const step of plan) {
      if (failure || results[step.key] || running.has(step.key) || !step.deps.every((d) => results[d])) continue;
      const run = runStep(ctx, tenant, step, results)
        .catch((error) => void (failure ??= error))
        .finally(() => running.delete(step.key));
      running.set(step.key, run);
    }
  };
  launchReady();
  while (running.size > 0) {
    await Promise.race(running.values());
    launchReady();
  }
  if (failure) throw failure;
}

// Each step's height: the steps on the longest chain from it to the end of the plan, itself included.
function longestChainFirst(plan: PlanStep[]): PlanStep[] {
  const height = new Map<string, number>();
  const of = (key: string): number => {
    if (!height.has(key)) height.set(key, 1 + Math.max(0, ...plan.filter((s) => s.deps.includes(key)).map((s) => of(s.key))));
    return height.get(key)!;
  };
  return [...plan].sort((a, b) => of(b.key) - of(a.key));
}

async function runStep(ctx: RunContext, tenant: Tenant, step: PlanStep, results: Record<string, ResourceRef>): Promise<void> {
  await ctx.hooks?.beforeStep?.(step.key);
  const spec = step.spec(results);
  await recordIntent(ctx.db, ctx, step.key, spec.idempotencyKey);
  try {
    let ref = await withRetry(() => ctx.driver.ensure(spec), ctx.retry);
    if (spec.kind === "key_pair" && !ref.secret && !(await tenantHasPem(ctx.db, tenant.id))) {
      // Adopted after a crash: the cloud never shows a private key twice, so make a fresh pair.
      await withRetry(() => ctx.driver.remove({ ...ref, tenant: tenant.name }), ctx.retry);
      ref = await withRetry(() => ctx.driver.ensure(spec), ctx.retry);
    }
    await ctx.hooks?.afterCloudCall?.(step.key);
    const { secret, ...result } = ref;
    if (secret) {
      const ciphertext = ctx.seal(secret);
      await ctx.db.transaction(async (tx) => {
        await tx.insert(tenantSecrets).values({ tenantId: tenant.id, kind: "pem", ciphertext }).onConflictDoUpdate({ target: [tenantSecrets.tenantId, tenantSecrets.kind], set: { ciphertext } });
        const [landed] = await writeSuccesses(tx, [{ operationId: ctx.operationId, workerId: ctx.workerId, key: step.key, result }]);
        assertWritten(landed!, ctx, step.key);
      });
    } else await recordSuccess(ctx.db, ctx, step.key, result);
    logger.debug("step succeeded", { operationId: ctx.operationId, step: step.key });
    results[step.key] = result;
  } catch (error) {
    if (ctx.isCloudError(error)) await recordFailure(ctx.db, ctx, step.key, (error as Error).message);
    throw error;
  }
}

/** One step that is not an `ensure` (a removal, a sweep): intent before, result after, like the others. */
export async function runRecordedStep(ctx: RunContext, key: string, work: () => Promise<Record<string, unknown>>): Promise<void> {
  await ctx.hooks?.beforeStep?.(key);
  await recordIntent(ctx.db, ctx, key, null);
  try {
    const result = await work();
    await ctx.hooks?.afterCloudCall?.(key);
    await recordSuccess(ctx.db, ctx, key, result);
    logger.debug("step succeeded", { operationId: ctx.operationId, step: key });
  } catch (error) {
    if (ctx.isCloudError(error)) await recordFailure(ctx.db, ctx, key, (error as Error).message);
    throw error;
  }
}
