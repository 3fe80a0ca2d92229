import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { driverForInfrastructureId } from "@/lib/cloud";
import { OperationHeldError, runOperation } from "@/lib/provisioning/engine";
import { openSecret, sealSecret } from "@/lib/security/encryption";
import { recheckSeconds } from "@/lib/provisioning/step-waiting";
import type { Log } from "@/lib/observability/logger";

/** Raised at a step's start while the worker stops: the operation is handed back, its steps so far recorded. */
class WorkerStoppingError extends Error {
  name = "WorkerStoppingError";
}

type Worker = {
  database: Database;
  workerId: string;
  leaseSeconds: number;
  stopping: () => boolean;
  log: Log;
  /** Schedules a waiting operation's re-check, durably, for when it has rested `seconds`. */
  recheck: (operationId: string, seconds: number) => Promise<void>;
};

/**
 * The job handler: runs (or resumes) the job's operation on this worker. A failure fails the job,
 * so pg-boss retries it; the engine's lease keeps the retry from repeating finished steps.
 */
export function operationHandler({ database, workerId, leaseSeconds, stopping, log, recheck }: Worker) {
  const beforeStep = () => {
    if (stopping()) throw new WorkerStoppingError("the worker is stopping");
  };
  return async ([job]: PgBoss.Job<{ operationId: string }>[]) => {
    const { operationId } = job!.data;
    try {
      const seconds = recheckSeconds();
      const outcome = await runOperation(database.db, operationId, {
        workerId,
        leaseSeconds,
        whenHeld: "throw",
        seal: sealSecret,
        unseal: openSecret,
        recheckSeconds: seconds,
        driverFor: (tenant) => driverForInfrastructureId(database.db, tenant.infrastructureId),
        hooks: { beforeStep },
      });
      // If this send is lost, the operation sweep revives the operation once its rest is over.
      if (outcome === "waiting") await recheck(operationId, seconds);
      log("info", `operation ${outcome}`, { operationId, workerId });
    } catch (error) {
      if (error instanceof OperationHeldError)
        log("info", `operation held by ${error.holder}, retrying later`, { operationId, workerId });
      else if (error instanceof WorkerStoppingError)
        log("info", "operation handed back: the worker is stopping", { operationId, workerId });
      else log("error", `operation interrupted: ${(error as Error).message}`, { operationId, workerId });
      throw error;
    }
  };
}
