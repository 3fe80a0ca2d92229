import { and, eq, or, sql, lt } from "drizzle-orm";
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
  retry?: RetryPolicy;
  hooks?: EngineHooks;
};

/**
 * Runs (or resumes) one operation. Only the worker holding its lease runs it: a second job for
 * the same operation, or one arriving while another worker's lease lasts, returns "skipped".
 */
export async function runOperation(db: Db, operationId: string, options: EngineOptions): Promise<"finished" | "skipped"> {
  const lease = options.leaseSeconds ?? 60;
  const leaseUntil = sql`now() + make_interval(secs => ${lease})`;
  const [op] = await db
    .update(operations)
    .set({ state: "running", leaseOwner: options.workerId, leaseUntil, startedAt: sql`coalesce(${operations.startedAt}, now())` })
    .where(
      and(
        eq(operations.id, operationId),
        or(eq(operations.state, "pending"), and(eq(operations.state, "running"), or(lt(operations.leaseUntil, sql`now()`), eq(operations.leaseOwner, options.workerId)))),
      ),
    )
    .returning();
  if (!op) return "skipped";
  const heartbeat = setInterval(() => {
    void db.update(operations).set({ leaseUntil }).where(and(eq(operations.id, op.id), eq(operations.leaseOwner, options.workerId))).catch(() => {});
  }, (lease * 1000) / 3);
  try {
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, op.tenantId));
    const ctx = { db, operationId, driver: await options.driverFor(tenant!), retry: options.retry, hooks: options.hooks, seal: options.seal, isCloudError };
    try {
      if (op.kind === "resource") await runResourceOperation(ctx, tenant!, op.request!);
      else await (op.kind === "delete" ? runTeardown(ctx, tenant!) : runProvision(ctx, tenant!));
    } catch (error) {
      if (!isCloudError(error)) throw error;
      const outcome = { state: "failed", error: (error as Error).message } as const;
      await (op.kind === "resource" ? finishResource(db, op, outcome) : finish(db, op.id, tenant!.id, outcome));
      return "finished";
    }
    await (op.kind === "resource" ? finishResource(db, op, { state: "succeeded" }) : finish(db, op.id, tenant!.id, { state: "succeeded", deleted: op.kind === "delete" }));
    return "finished";
  } finally {
    clearInterval(heartbeat);
  }
}

async function finish(db: Db, operationId: string, tenantId: string, outcome: { state: "succeeded"; deleted: boolean } | { state: "failed"; error: string }) {
  await db.transaction(async (tx) => {
    const failed = outcome.state === "failed";
    await tx.update(operations).set({ state: outcome.state, error: failed ? outcome.error : null, finishedAt: sql`now()`, leaseOwner: null, leaseUntil: null }).where(eq(operations.id, operationId));
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
