import { openDatabase, type Database, type DatabaseTarget } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import type { Logger } from "@/lib/observability/logger";
import { startJobQueue } from "./job-queue";
import type { JobQueue } from "./job-queue-interface";
import { resumeUnfinishedOperations } from "./resume-operations";

const firstRetryMs = 1_000;
const longestRetryMs = 30_000;

/**
 * Opens and migrates the database and starts working jobs, retrying with backoff (1 s, doubling to
 * 30 s) and logging each failure until it succeeds: a worker started before its database, or
 * during an outage, waits for it rather than exiting.
 */
export async function startWorker(
  target: DatabaseTarget,
  logger: Logger,
): Promise<{ database: Database; queue: JobQueue }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(target, logger);
    } catch (error) {
      const retryInMs = Math.min(firstRetryMs * 2 ** (attempt - 1), longestRetryMs);
      logger.error("worker cannot start; retrying", { attempt, retryInSeconds: retryInMs / 1000, error });
      await new Promise((resolve) => setTimeout(resolve, retryInMs));
    }
  }
}

async function startOnce(target: DatabaseTarget, logger: Logger) {
  const database = await openDatabase(target);
  let queue: JobQueue;
  try {
    await migrateDatabase(database);
    queue = await startJobQueue(database, { work: true });
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  // Started is enough: the periodic sweep resumes what this first pass could not.
  await resumeUnfinishedOperations(database.db, queue.revive).catch((error: Error) =>
    logger.error("resuming unfinished operations failed", { error }),
  );
  return { database, queue };
}
