import PgBoss from "pg-boss";
import { createLogger, type LogFields, type LogLevel } from "@/lib/observability/logger";
import type { Database } from "@/db/client";
import { driverForInfrastructureId } from "@/lib/cloud";
import { OperationHeldError, runOperation } from "@/lib/provisioning/engine";
import { newWorkerId } from "@/lib/provisioning/worker-identity";
import { sealSecret } from "@/lib/security/encryption";
import { cancelLegacyJobs, operationQueue, reviveOperationJob, sendOperationJob } from "./operation-jobs";
import { startPeriodicTasks } from "./periodic-tasks";
import { queueSettings, type QueueSettings } from "./queue-settings";

export { operationQueue } from "./operation-jobs";

export interface JobQueue {
  /** Sends the operation's one job; sending it again adds nothing. */
  enqueue(operationId: string): Promise<void>;
  /** Makes the operation's job runnable again when nothing would run it (see reviveOperationJob). */
  revive(operationId: string, holderDead: boolean): Promise<void>;
  stop(): Promise<void>;
}

const logger = createLogger("jobs");
const log = (level: LogLevel, message: string, extra: LogFields = {}) => logger[level](message, extra);

/**
 * pg-boss on the portal's own database (PostgreSQL, or PGlite through its executeSql): each job
 * is claimed by one worker (SKIP LOCKED); a crashed worker's job expires and is retried, and the
 * engine's lease makes the retry resume rather than repeat. A job for an operation another worker
 * is running fails and is retried with backoff until that operation has finished. Each operation
 * has one job (see sendOperationJob), and a periodic sweep revives the job of one nothing would run.
 */
export async function startJobQueue(database: Database, { work, settings = queueSettings() }: { work: boolean; settings?: QueueSettings }): Promise<JobQueue> {
  const { schema, leaseSeconds, expireInSeconds, maintenanceIntervalSeconds, sweepSeconds } = settings;
  const boss = new PgBoss({ db: { executeSql: (text, values) => database.executeSql(text, values) }, schema, schedule: false, maintenanceIntervalSeconds });
  boss.on("error", (error) => log("error", error.message));
  await boss.start();
  const options = { retryLimit: 20, retryDelay: 2, retryBackoff: true, expireInSeconds };
  await boss.createQueue(operationQueue, { name: operationQueue, ...options });
  // createQueue leaves an existing queue as it was: bring its settings up to date.
  await boss.updateQueue(operationQueue, { name: operationQueue, ...options });
  await cancelLegacyJobs(boss, database, schema, log);
  const workerId = newWorkerId();
  let stopPeriodicTasks = () => {};
  const queue: JobQueue = {
    async enqueue(operationId) {
      await sendOperationJob(boss, operationId);
    },
    revive: (operationId, holderDead) => reviveOperationJob(boss, operationId, holderDead, log),
    async stop() {
      stopPeriodicTasks();
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
  if (!work) return queue;
  await boss.work<{ operationId: string }>(operationQueue, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    const { operationId } = job!.data;
    try {
      const outcome = await runOperation(database.db, operationId, {
        workerId,
        leaseSeconds,
        whenHeld: "throw",
        seal: sealSecret,
        driverFor: (tenant) => driverForInfrastructureId(database.db, tenant.infrastructureId),
      });
      log("info", `operation ${outcome}`, { operationId, workerId });
    } catch (error) {
      if (error instanceof OperationHeldError) log("info", `operation held by ${error.holder}, retrying later`, { operationId, workerId });
      else log("error", `operation interrupted: ${(error as Error).message}`, { operationId, workerId });
      throw error;
    }
  });
  stopPeriodicTasks = startPeriodicTasks(database.db, queue, log, { sweepSeconds });
  log("info", "worker started", { workerId, leaseSeconds, expireInSeconds });
  return queue;
}
