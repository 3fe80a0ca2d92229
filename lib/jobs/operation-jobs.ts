import type PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import type { Log } from "@/lib/observability/logger";

export const operationQueue = "tenant-operation";
/** Re-checks of operations resting while the cloud works (a database being created): each revives its operation's job. */
export const recheckQueue = "tenant-operation-recheck";

/** A re-check a second after the operation's rest ends, so that the operation is claimable by then. */
export async function sendRecheckJob(boss: PgBoss, operationId: string, seconds: number): Promise<void> {
  await boss.send(recheckQueue, { operationId }, { startAfter: seconds + 1, retryLimit: 5, retryDelay: 5 });
}

/**
 * One job per operation: its id is the operation's, so a second send — a retried request, every
 * worker's start-up, a sweep — finds the primary key taken and adds nothing. pg-boss 10's
 * singleton and stately policies would dedupe by key, but a second job for a key whose job is
 * active then stalls the fetch of the whole queue until that job ends, a dead worker's included.
 */
export async function sendOperationJob(boss: PgBoss, operationId: string): Promise<boolean> {
  return (await boss.send(operationQueue, { operationId }, { id: operationId, singletonKey: operationId })) !== null;
}

// A retry further off than this, for an operation nobody holds any more, is brought forward.
const longestRetryWaitMs = 60_000;

/**
 * Makes an unfinished operation's job runnable when nothing would run it soon: none (lost, or
 * never sent), one that ended (retries spent, cancelled), one still active for a worker proven
 * dead (pg-boss would only expire it after its expiry), or one backed off for long while another
 * worker held the operation. Call it only for operations no live worker holds. A job about to run,
 * or active on a worker that may be alive, is left as it is; concurrent calls leave one live job.
 */
export async function reviveOperationJob(
  boss: PgBoss,
  operationId: string,
  holderDead: boolean,
  log: Log,
): Promise<void> {
  const job = await boss.getJobById(operationQueue, operationId);
  const state = job?.state ?? "missing";
  const backedOff = state === "retry" && new Date(job!.startAfter).getTime() - Date.now() > longestRetryWaitMs;
  if (state === "created" || (state === "retry" && !backedOff) || (state === "active" && !holderDead)) return;
  if (state === "missing") {
    if (await sendOperationJob(boss, operationId)) log("info", "operation job sent", { operationId });
    return;
  }
  if (state === "failed") await boss.retry(operationQueue, operationId);
  else if (state === "completed" || backedOff) {
    await boss.deleteJob(operationQueue, operationId);
    await sendOperationJob(boss, operationId);
  } else {
    // active for a dead worker: cancelled and resumed, it waits to be fetched again at once.
    if (state === "active") await boss.cancel(operationQueue, operationId);
    await boss.resume(operationQueue, operationId);
  }
  log("info", `operation job revived from ${state}`, { operationId });
}

/**
 * Before one job per operation, every start sent another job with a random id: cancel those still
 * waiting, so an upgraded database keeps one live job per operation (the sweep sends the new one).
 * Active ones finish or expire on their own.
 */
export async function cancelLegacyJobs(boss: PgBoss, database: Database, schema: string, log: Log): Promise<void> {
  const { rows } = await database.executeSql(
    `select id from ${schema}.job where name = $1 and state in ('created', 'retry') and id::text <> coalesce(singleton_key, '')`,
    [operationQueue],
  );
  if (rows.length === 0) return;
  await boss.cancel(
    operationQueue,
    (rows as { id: string }[]).map((r) => r.id),
  );
  log("info", "cancelled queued jobs sent before one job per operation", { count: rows.length });
}
