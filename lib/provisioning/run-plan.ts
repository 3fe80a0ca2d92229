import type { Tenant } from "@/db/schema";
import { databaseReadyStatus, type ResourceRef, type ResourceSpec } from "@/lib/cloud/contract";
import { createLogger } from "@/lib/observability/logger";
import type { PlanStep } from "./plan";
import { withRetry } from "./retry";
import { tenantHasPem } from "./tenant-has-pem";
import { openStepLog } from "./open-step-log";
import { recordFailure, recordIntent, recordSteps, recordSuccess, recordWaiting, type StepWrite } from "./step-log";
import { StepWaiting } from "./step-waiting";
import { storeTenantSecret } from "./store-tenant-secret";
import type { RunContext } from "./run-context";

const logger = createLogger("provisioning");

/**
 * Runs every step not yet succeeded, each as soon as its dependencies have, the longest chain to
 * the end first (its writes then queue ahead of the others'); stops launching after a failure.
 * The steps that need none are recorded running with the log's rows; after that, a step's result
 * is recorded in one write with the intents of the steps it lets start.
 */
export async function runPlan(ctx: RunContext, tenant: Tenant, steps: PlanStep[]): Promise<void> {
  const plan = longestChainFirst(steps);
  const opening = await startable(
    ctx,
    plan.filter((s) => s.deps.length === 0),
    {},
  );
  const log = await openStepLog(
    ctx.db,
    ctx,
    tenant.id,
    plan.map((s) => s.key),
    opening.starting.map(({ step, spec }) => ({ key: step.key, idempotencyKey: spec.idempotencyKey })),
  );
  if (opening.stopped) throw opening.stopped;
  const results: Record<string, ResourceRef> = {};
  for (const row of log.previous)
    if (row.state === "succeeded") results[row.key] = row.result as unknown as ResourceRef;

  const started = new Set<string>();
  const running = new Set<Promise<void>>();
  let failure: unknown = null;
  // The steps not started whose dependencies have all succeeded, counting one whose result is being recorded.
  const take = (succeeding?: string) => {
    if (failure) return [];
    const next = plan.filter(
      (s) => !results[s.key] && !started.has(s.key) && s.deps.every((d) => d === succeeding || results[d]),
    );
    for (const step of next) started.add(step.key);
    return next;
  };
  const track = (work: Promise<void>) => {
    const run: Promise<void> = work.catch((error) => void (failure ??= error)).finally(() => running.delete(run));
    running.add(run);
  };

  // Records `done`'s result (if any) and the intents of `next`, then starts their cloud calls.
  async function advance(next: PlanStep[], done?: { step: PlanStep; ref: ResourceRef & { secret?: string } }) {
    const { secret, ...result } = done?.ref ?? {};
    const known = done ? { ...results, [done.step.key]: result as ResourceRef } : results;
    const { starting, stopped } = await startable(ctx, next, known);
    const writes: StepWrite[] = starting.map(({ step, spec }) => ({
      key: step.key,
      state: "running",
      idempotencyKey: spec.idempotencyKey,
    }));
    if (done) writes.unshift({ key: done.step.key, state: "succeeded", result });
    // The key first: a recorded key pair always has its key stored.
    if (secret) await storeTenantSecret(ctx, "pem", ctx.seal(secret), "replace");
    await recordSteps(ctx.db, ctx, writes);
    if (done) {
      logger.debug("step succeeded", { operationId: ctx.operationId, step: done.step.key });
      results[done.step.key] = result as ResourceRef;
    }
    if (stopped) throw stopped;
    for (const { step, spec } of starting) track(callCloud(step, spec));
  }

  async function callCloud(step: PlanStep, spec: ResourceSpec) {
    try {
      let ref = await withRetry(() => ctx.driver.ensure(spec), ctx.retry);
      if (spec.kind === "key_pair" && !ref.secret && !(await tenantHasPem(ctx.db, tenant.id))) {
        // Adopted after a crash: the cloud never shows a private key twice, so make a fresh pair.
        await withRetry(() => ctx.driver.remove({ ...ref, tenant: tenant.name }), ctx.retry);
        ref = await withRetry(() => ctx.driver.ensure(spec), ctx.retry);
      }
      await ctx.hooks?.afterCloudCall?.(step.key);
      if (spec.kind === "database" && ref.status !== databaseReadyStatus)
        await waitFor(ctx, step.key, `waiting for ${databaseReadyStatus} (${ref.status ?? "no status yet"})`);
      await advance(take(step.key), { step, ref });
    } catch (error) {
      if (ctx.isCloudError(error)) await recordFailure(ctx.db, ctx, step.key, (error as Error).message);
      throw error;
    }
  }

  for (const { step, spec } of opening.starting)
    if (log.added.has(step.key)) {
      started.add(step.key);
      track(callCloud(step, spec));
    }
  track(advance(take()));
  while (running.size > 0) {
    await Promise.race(running);
    // Steps made ready by two results recorded at once: neither write could count the other's.
    const next = take();
    if (next.length > 0) track(advance(next));
  }
  if (failure) throw failure;
}

type Starting = { step: PlanStep; spec: ResourceSpec };

/** The steps with their specs, each once the worker's hook lets it start; a stopping worker hands the operation back, and none starts. */
async function startable(
  ctx: RunContext,
  steps: PlanStep[],
  known: Record<string, ResourceRef>,
): Promise<{ starting: Starting[]; stopped: unknown }> {
  const starting: Starting[] = [];
  try {
    for (const step of steps) {
      await ctx.hooks?.beforeStep?.(step.key);
      starting.push({ step, spec: step.spec(known) });
    }
  } catch (error) {
    return { starting: [], stopped: error };
  }
  return { starting, stopped: null };
}

// Each step's height: the steps on the longest chain from it to the end of the plan, itself included.
function longestChainFirst(plan: PlanStep[]): PlanStep[] {
  const height = new Map<string, number>();
  const of = (key: string): number => {
    if (!height.has(key))
      height.set(key, 1 + Math.max(0, ...plan.filter((s) => s.deps.includes(key)).map((s) => of(s.key))));
    return height.get(key)!;
  };
  return [...plan].sort((a, b) => of(b.key) - of(a.key));
}

/** One step that is not an `ensure` (a removal, a sweep): intent before, result after, like the others. */
export async function runRecordedStep(
  ctx: RunContext,
  key: string,
  work: () => Promise<Record<string, unknown>>,
): Promise<void> {
  await ctx.hooks?.beforeStep?.(key);
  await recordIntent(ctx.db, ctx, key, null);
  try {
    const result = await work().catch(async (error) => {
      if (!(error instanceof StepWaiting)) throw error;
      await ctx.hooks?.afterCloudCall?.(key);
      return waitFor(ctx, key, error.note);
    });
    await ctx.hooks?.afterCloudCall?.(key);
    await recordSuccess(ctx.db, ctx, key, result);
    logger.debug("step succeeded", { operationId: ctx.operationId, step: key });
  } catch (error) {
    if (ctx.isCloudError(error)) await recordFailure(ctx.db, ctx, key, (error as Error).message);
    throw error;
  }
}

/** Records what the step waits for and ends the run there (see StepWaiting). */
async function waitFor(ctx: RunContext, key: string, note: string): Promise<never> {
  await recordWaiting(ctx.db, ctx, key, note);
  logger.debug("step waiting", { operationId: ctx.operationId, step: key, note });
  throw new StepWaiting(key, note);
}
