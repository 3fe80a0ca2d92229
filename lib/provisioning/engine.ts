import { and, eq, isNull, or, sql, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operations, tenantGrants, tenants, tenantSecrets, ssoGroupMappings } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { CloudDriver } from "@/lib/cloud/driver";
import { isCloudError, type EngineHooks } from "./run-context";
import type { RetryPolicy } from "./retry";
import { runProvision } from "./run-provision";
import { runTeardown } from "./run-teardown";
import { finishResource, runResourceOperation } from "./run-resource";

export type EngineOptions = {
  workerId: string;
  driverFor: (tenant: typeof tenants.$inferSelect) => Promise<CloudDriver>;
  seal: (plain: string) => string;
  leaseSeconds?: number;
  /** While another worker holds the operation: "skip" returns "skipped"; "throw" raises OperationHeldError, so a job queue retries later. */
  whenHeld?: "skip" | "throw";
  retry?: RetryPolicy;
  hooks?: EngineHooks;
};

/** Another worker holds the operation's lease and has not finished it yet. */
export class OperationHeldError extends Error {
  name = "OperationHeldError";
}

/** This worker's lease ran out (a stalled process) or another worker took it over. */
export class LeaseLostError extends Error {
  name = "LeaseLostError";
}

/**
 * Runs (or resumes) one operation. Only the worker holding its lease runs it: a job arriving while
 * another worker's lease lasts is skipped (or throws, see whenHeld), as is one for a finished operation.
 */
export async function runOperation(db: Db, operationId: string, options: EngineOptions): Promise<"finished" | "skipped"> {
  const leaseSeconds = options.leaseSeconds ?? 60;
  const op = await claim(db, operationId, options.workerId, leaseSeconds);
  if (!op) {
    const [row] = await db.select({ state: operations.state }).from(operations).where(eq(operations.id, operationId));
    const unfinished = row?.state === "pending" || row?.state === "running";
    if (unfinished && options.whenHeld === "throw") throw new OperationHeldError(`Operation ${operationId} is held by another worker.`);
    return "skipped";
  }
  const lease = holdLease(db, op.id, options.workerId, leaseSeconds);
  try {
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, op.tenantId));
    // Checked after each cloud call, before its result is recorded: a worker that lost its lease stops there.
    const hooks: EngineHooks = {
      afterCloudCall: async (key) => {
        await options.hooks?.afterCloudCall?.(key);
        lease.assertHeld();
      },
    };
    const ctx = { db, operationId, driver: await options.driverFor(tenant!), retry: options.retry, hooks, seal: options.seal, isCloudError };
    let outcome: { state: "succeeded" } | { state: "failed"; error: string } = { state: "succeeded" };
    try {
      if (op.kind === "resource") await runResourceOperation(ctx, tenant!, op.request!);
      else await (op.kind === "delete" ? runTeardown(ctx, tenant!) : runProvision(ctx, tenant!));
    } catch (error) {
      if (!isCloudError(error)) throw error;
      outcome = { state: "failed", error: (error as Error).message };
    }
    lease.assertHeld();
    await (op.kind === "resource" ? finishResource(db, op, outcome) : finish(db, op.id, options.workerId, tenant!.id, outcome.state === "failed" ? outcome : { state: "succeeded", deleted: op.kind === "delete" }));
    return "finished";
  } finally {
    await lease.release();
  }
}

const leaseUntil = (seconds: number) => sql`now() + make_interval(secs => ${seconds})`;

// A pending operation, or a running one whose lease has lapsed or was released: never one held by
// a live worker, this process included (a job pg-boss timed out may still be running here).
async function claim(db: Db, operationId: string, workerId: string, leaseSeconds: number) {
  const leaseFree = or(isNull(operations.leaseUntil), lt(operations.leaseUntil, sql`now()`));
  const [op] = await db
    .update(operations)
    .set({ state: "running", leaseOwner: workerId, leaseUntil: leaseUntil(leaseSeconds), startedAt: sql`coalesce(${operations.startedAt}, now())` })
    .where(and(eq(operations.id, operationId), or(eq(operations.state, "pending"), and(eq(operations.state, "running"), leaseFree))))
    .returning();
  return op;
}

// Renewed every third of its length. A renewal that finds another owner, or no renewal for a whole
// lease (a stalled process), means another worker may have taken over, so assertHeld throws.
function holdLease(db: Db, operationId: string, workerId: string, leaseSeconds: number) {
  const mine = and(eq(operations.id, operationId), eq(operations.leaseOwner, workerId), eq(operations.state, "running"));
  let renewedAt = Date.now();
  let lost = false;
  const heartbeat = setInterval(() => {
    const sentAt = Date.now();
    db.update(operations)
      .set({ leaseUntil: leaseUntil(leaseSeconds) })
      .where(mine)
      .returning({ id: operations.id })
      .then((rows) => (rows.length > 0 ? (renewedAt = sentAt) : (lost = true)))
      .catch(() => {});
  }, (leaseSeconds * 1000) / 3);
  return {
    assertHeld() {
      if (lost || Date.now() - renewedAt > leaseSeconds * 1000) throw new LeaseLostError(`Worker ${workerId} lost the lease on operation ${operationId}.`);
    },
    // An interrupted run hands the operation back at once, so a retry need not wait out the lease.
    async release() {
      clearInterval(heartbeat);
      await db.update(operations).set({ leaseOwner: null, leaseUntil: null }).where(mine).catch(() => {});
    },
  };
}

async function finish(db: Db, operationId: string, workerId: string, tenantId: string, outcome: { state: "succeeded"; deleted: boolean } | { state: "failed"; error: string }) {
  await db.transaction(async (tx) => {
    const failed = outcome.state === "failed";
    const held = await tx
      .update(operations)
      .set({ state: outcome.state, error: failed ? outcome.error : null, finishedAt: sql`now()`, leaseOwner: null, leaseUntil: null })
      .where(and(eq(operations.id, operationId), eq(operations.leaseOwner, workerId)))
      .returning({ id: operations.id });
    if (held.length === 0) throw new LeaseLostError(`Worker ${workerId} lost the lease on operation ${operationId} before finishing it.`);
    const status = failed ? "failed" : outcome.deleted ? "deleted" : "ready";
    const [tenant] = await tx.update(tenants).set({ status, statusMessage: failed ? outcome.error : null, updatedAt: sql`now()` }).where(eq(tenants.id, tenantId)).returning();
    if (status === "deleted") {
      await tx.delete(tenantSecrets).where(eq(tenantSecrets.tenantId, tenantId));
      await tx.delete(tenantGrants).where(eq(tenantGrants.tenantId, tenantId));
      await tx.delete(ssoGroupMappings).where(eq(ssoGroupMappings.tenantId, tenantId));
    }
    await recordAudit(tx, { actorId: null, action: `tenant.${status}`, tenantId, target: tenant!.name, details: failed ? { error: outcome.error } : {} });
  });
}
