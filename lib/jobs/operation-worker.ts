import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { driverForInfrastructureId } from "@/lib/cloud";
import { OperationHeldError, runOperation } from "@/lib/provisioning/engine";
import { sealSecret } from "@/lib/security/encryption";
import type { Log } from "@/lib/observability/logger";

/** Raised at a step's start while the worker stops: the operation is handed back, its steps so far recorded. */
class WorkerStoppingError extends Error {
  name = "WorkerStoppingError";
}

type Worker = { database: Database; workerId: string; leaseSeconds: number; stopping: () => boolean; log: Log };

/**
 * The job handler: runs (or resumes) the job's operation on this worker. A failure fails the job,
 * so pg-boss retries it; the engine's lease keeps the retry from repeating finished steps.
 */
export function operationHandler({ database, workerId, leaseSeconds, stopping, log }: Worker) {
  const beforeStep = () => {
    if (stopping()) throw new WorkerStoppingError("the worker is stopping");
  };
  return async ([job]: PgBoss.Job<{ operationId: string }>[]) => {
    const { operationId } = job!.data;
    try {
      const outcome = await runOperation(database.db, operationId, {
        workerId,
        leaseSeconds,
        whenHeld: "throw",
        seal: sealSecret,
        driverFor: (tenant) => driverForInfrastructureId(database.db, tenant.infrastructureId),
        hooks: { beforeStep },
      });
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
