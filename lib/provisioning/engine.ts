import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import type { CloudDriver } from "@/lib/cloud/contract";
import { afterOperationSeconds, inventorySettings } from "@/lib/inventory/inventory-settings";
import { refreshTenantInventory } from "@/lib/inventory/refresh-tenant-inventory";
import { finishTenantOperation } from "./finish-tenant-operation";
import { isCloudError, type EngineHooks } from "./run-context";
import type { RetryPolicy } from "./retry";
import { runProvision } from "./run-provision";
import { runTeardown } from "./run-teardown";
import { finishResource, runResourceOperation } from "./run-resource";
import { runShareOperation } from "./run-share";
import { finishShareOperation } from "./finish-share-operation";
import { claimOperation, heldBy, holdLease, OperationHeldError } from "./lease";
import { openSecret } from "@/lib/security/encryption";
import { recheckSeconds, StepWaiting } from "./step-waiting";

export { LeaseLostError, OperationHeldError } from "./lease";

export type EngineOptions = {
  workerId: string;
  driverFor: (tenant: typeof tenants.$inferSelect) => Promise<CloudDriver>;
  seal: (plain: string) => string;
  /** Opens what seal made (a database's stored password); the portal's own key by default. */
  unseal?: (sealed: string) => string;
  /** How long an operation waiting on the cloud rests before its re-check (see StepWaiting). */
  recheckSeconds?: number;
  leaseSeconds?: number;
  /** While another worker holds the operation: "skip" returns "skipped"; "throw" raises OperationHeldError, so a job queue retries later. */
  whenHeld?: "skip" | "throw";
  retry?: RetryPolicy;
  hooks?: EngineHooks;
};

/**
 * Runs (or resumes) one operation. Only the worker holding its lease runs it: a job arriving while
 * another worker's lease lasts is skipped (or throws, see whenHeld), as is one for a finished operation.
 * "waiting": a step waits on the cloud, and the operation rests unheld until its re-check is due.
 */
export async function runOperation(
  db: Db,
  operationId: string,
  options: EngineOptions,
): Promise<"finished" | "skipped" | "waiting"> {
  const leaseSeconds = options.leaseSeconds ?? 60;
  const op = await claimOperation(db, operationId, options.workerId, leaseSeconds);
  if (!op) {
    const holder = options.whenHeld === "throw" ? await heldBy(db, operationId) : null;
    if (holder) throw new OperationHeldError(operationId, holder);
    return "skipped";
  }
  const lease = holdLease(db, op.id, options.workerId, leaseSeconds);
  let finished = false;
  let restFor: number | null = null;
  try {
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, op.tenantId));
    // Checked after each cloud call, before its result is recorded: a worker that lost its lease stops there.
    const hooks: EngineHooks = {
      beforeStep: options.hooks?.beforeStep,
      afterCloudCall: async (key) => {
        await options.hooks?.afterCloudCall?.(key);
        lease.assertHeld();
      },
    };
    const ctx = {
      db,
      operationId,
      workerId: options.workerId,
      driver: await options.driverFor(tenant!),
      retry: options.retry,
      hooks,
      seal: options.seal,
      unseal: options.unseal ?? openSecret,
      isCloudError,
    };
    let outcome: { state: "succeeded" } | { state: "failed"; error: string } = { state: "succeeded" };
    try {
      if (op.kind === "resource") await runResourceOperation(ctx, tenant!, op.request!);
      else if (op.kind === "share") await runShareOperation(ctx, tenant!, op.shareId!);
      else await (op.kind === "delete" ? runTeardown(ctx, tenant!) : runProvision(ctx, tenant!, op.template));
    } catch (error) {
      if (error instanceof StepWaiting) {
        // The page shows the database creating (or deleting) while the operation rests.
        await refreshTenantInventory(db, tenant!, ctx.driver, afterOperationSeconds(inventorySettings()));
        restFor = options.recheckSeconds ?? recheckSeconds();
        return "waiting";
      }
      if (!isCloudError(error)) throw error;
      outcome = { state: "failed", error: (error as Error).message };
    }
    // Read before the operation is marked finished: the page that sees it finish shows its result.
    await refreshTenantInventory(db, tenant!, ctx.driver, afterOperationSeconds(inventorySettings()));
    lease.assertHeld();
    await (op.kind === "resource"
      ? finishResource(db, op, options.workerId, outcome)
      : op.kind === "share"
        ? finishShareOperation(db, op, options.workerId, outcome)
        : finishTenantOperation(
            db,
            op.id,
            options.workerId,
            tenant!.id,
            outcome.state === "failed" ? outcome : { state: "succeeded", deleted: op.kind === "delete" },
          ));
    finished = true;
    return "finished";
  } finally {
    // The finish cleared the lease with the outcome; an interrupted run hands it back, a waiting one until its re-check.
    await (finished ? lease.stop() : restFor !== null ? lease.rest(restFor) : lease.release());
  }
}
