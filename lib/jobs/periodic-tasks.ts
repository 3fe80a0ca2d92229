import type { Db } from "@/db/client";
import { generateRecentTelemetry } from "@/lib/telemetry/generate-recent-telemetry";
import { pruneTelemetry } from "@/lib/telemetry/retention";
import { deleteExpiredIdempotencyKeys } from "@/lib/api/v1/idempotency";
import { deleteExpiredRateLimits } from "@/lib/rate-limit/shared-limiter";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { inventoryRefreshTask } from "@/lib/inventory/refresh-due-inventories";
import { inventorySettings } from "@/lib/inventory/inventory-settings";
import type { Log } from "@/lib/observability/logger";
import { runBillingTick, runMonitoringTick } from "./monitoring";
import { expireDueTenants } from "./expire-tenants";
import type { JobQueue } from "./job-queue-interface";
import { resumeUnfinishedOperations } from "./resume-operations";

export type PeriodicTask = [name: string, everyMs: number, task: () => Promise<unknown>];

/** Periodic work every worker does; each is safe to run on several workers at once (keys, locks). */
export function workerPeriodicTasks(
  db: Db,
  queue: Pick<JobQueue, "enqueue" | "revive">,
  log: Log,
  { sweepSeconds }: { sweepSeconds: number },
): PeriodicTask[] {
  return [
    ["operation sweep", sweepSeconds * 1000, () => resumeUnfinishedOperations(db, queue.revive)],
    ["expiry sweep", 15_000, () => expireDueTenants(db, queue.enqueue)],
    ...(process.env.ENCLAVE_TELEMETRY !== "false"
      ? [["telemetry generation", 15_000, () => generateRecentTelemetry(db)] as PeriodicTask]
      : []),
    ["alert monitoring", 15_000, () => runMonitoringTick(db, log)],
    ["notification delivery", 5_000, () => deliverDueNotifications(db)],
    ["cost sync", 5 * 60_000, () => runBillingTick(db, log)],
    // Every few seconds, so a requested refresh is answered soon; each tenant is listed only when due.
    ["inventory refresh", 5_000, inventoryRefreshTask(db, log, inventorySettings())],
    ["telemetry retention", 3_600_000, () => pruneTelemetry(db)],
    // The API's idempotency keys (kept a day) and rate-limit windows that ended.
    ["api key sweep", 10 * 60_000, () => Promise.all([deleteExpiredIdempotencyKeys(db), deleteExpiredRateLimits(db)])],
  ];
}

export type PeriodicSchedule = {
  /** Schedules no more runs and waits, at most timeoutMs, for the ones in flight; returns the names of any still running. */
  stop(timeoutMs: number): Promise<string[]>;
};

/** Runs each task every everyMs (the frequent ones first a second after start), never two runs of one task at once. */
export function schedulePeriodicTasks(tasks: PeriodicTask[], log: Log): PeriodicSchedule {
  const timers: NodeJS.Timeout[] = [];
  const inFlight = new Map<string, Promise<void>>();
  for (const [name, everyMs, task] of tasks) {
    const tick = () => {
      if (inFlight.has(name)) return;
      const run = task().then(
        () => {},
        (error: Error) => log("error", `${name} failed: ${error.message}`),
      );
      inFlight.set(
        name,
        run.finally(() => inFlight.delete(name)),
      );
    };
    if (everyMs < 3_600_000) timers.push(setTimeout(tick, 1_000));
    timers.push(setInterval(tick, everyMs));
  }
  return {
    async stop(timeoutMs) {
      timers.forEach(clearTimeout);
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(inFlight.values()),
        new Promise((resolve) => (timeout = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timeout);
      return [...inFlight.keys()];
    },
  };
}
