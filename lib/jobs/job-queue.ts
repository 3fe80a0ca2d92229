import PgBoss from "pg-boss";
import { createLogger, type LogFields, type LogLevel } from "@/lib/observability/logger";
import type { Database } from "@/db/client";
import { newWorkerId } from "@/lib/provisioning/worker-identity";
import type { JobQueue } from "./job-queue-interface";
import {
  cancelLegacyJobs,
  operationQueue,
  recheckQueue,
  reviveOperationJob,
  sendOperationJob,
  sendRecheckJob,
} from "./operation-jobs";
import { operationHandler } from "./operation-worker";
import { schedulePeriodicTasks, workerPeriodicTasks, type PeriodicSchedule, type PeriodicTask } from "./periodic-tasks";
import { queueSettings, type QueueSettings } from "./queue-settings";
import { watchDatabaseCalls } from "./watch-database-calls";
import { workOperations } from "./work-operations";

export { operationQueue } from "./operation-jobs";

const logger = createLogger("jobs");
const log = (level: LogLevel, message: string, extra: LogFields = {}) => logger[level](message, extra);
// Within Kubernetes' default 30 s grace period, with room to close the database.
const stopTimeoutMs = 20_000;

/**
 * pg-boss on the portal's own database (PostgreSQL, or PGlite through its executeSql): each job
 * is claimed by one worker (SKIP LOCKED); a crashed worker's job expires and is retried, and the
 * engine's lease makes the retry resume rather than repeat. A job for an operation another worker
 * is running fails and is retried with backoff until that operation has finished. Each operation
 * has one job (see sendOperationJob), and a periodic sweep revives the job of one nothing would run.
 */
export async function startJobQueue(
  database: Database,
  {
    work,
    settings = queueSettings(),
    periodicTasks,
  }: { work: boolean; settings?: QueueSettings; periodicTasks?: PeriodicTask[] },
): Promise<JobQueue> {
  const { schema, leaseSeconds, expireInSeconds, maintenanceIntervalSeconds, concurrency } = settings;
  const calls = watchDatabaseCalls(database, log);
  const boss = new PgBoss({
    db: { executeSql: calls.executeSql },
    schema,
    schedule: false,
    maintenanceIntervalSeconds,
  });
  boss.on("error", (error) => log("error", error.message));
  await boss.start();
  const options = { retryLimit: 20, retryDelay: 2, retryBackoff: true, expireInSeconds };
  await boss.createQueue(operationQueue, { name: operationQueue, ...options });
  // createQueue leaves an existing queue as it was: bring its settings up to date.
  await boss.updateQueue(operationQueue, { name: operationQueue, ...options });
  await boss.createQueue(recheckQueue, { name: recheckQueue });
  await cancelLegacyJobs(boss, database, schema, log);
  const workerId = newWorkerId();
  const worker: { stopping: boolean; periodic?: PeriodicSchedule; loops?: { wake(): void; stop(): void } } = {
    stopping: false,
  };
  const queue: JobQueue = {
    async enqueue(operationId) {
      if (await sendOperationJob(boss, operationId)) worker.loops?.wake();
    },
    revive: (operationId, holderDead) => reviveOperationJob(boss, operationId, holderDead, log),
    async stop() {
      worker.stopping = true;
      worker.loops?.stop();
      // A running operation hands itself back at its next step, so the wait is one cloud call long.
      const [, busy] = await Promise.all([
        boss.stop({ graceful: true, wait: true, timeout: stopTimeoutMs }),
        worker.periodic?.stop(stopTimeoutMs) ?? [],
      ]);
      await calls.drain(stopTimeoutMs);
      if (busy.length > 0) log("warn", "periodic work still running at stop", { tasks: busy, workerId });
      if (worker.periodic) log("info", "worker stopped", { workerId });
    },
  };
  if (!work) return queue;
  worker.loops = await workOperations(
    boss,
    concurrency,
    operationHandler({
      database,
      workerId,
      leaseSeconds,
      stopping: () => worker.stopping,
      log,
      recheck: (operationId, seconds) => sendRecheckJob(boss, operationId, seconds),
    }),
  );
  await boss.work<{ operationId: string }>(recheckQueue, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await reviveOperationJob(boss, job!.data.operationId, false, log);
    worker.loops?.wake();
  });
  worker.periodic = schedulePeriodicTasks(periodicTasks ?? workerPeriodicTasks(database.db, queue, log, settings), log);
  log("info", "worker started", { workerId, leaseSeconds, expireInSeconds, concurrency });
  return queue;
}
