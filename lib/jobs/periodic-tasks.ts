import type { Db } from "@/db/client";
import { generateRecentTelemetry } from "@/lib/telemetry/generate-recent-telemetry";
import { pruneTelemetry } from "@/lib/telemetry/retention";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { runBillingTick, runMonitoringTick, type Log } from "./monitoring";
import { expireDueTenants } from "./expire-tenants";
import type { JobQueue } from "./job-queue";
import { resumeUnfinishedOperations } from "./resume-operations";

type Periodic = [name: string, everyMs: number, task: () => Promise<unknown>];

/** Periodic work every worker does; each is safe to run on several workers at once (keys, locks). Returns a stop function. */
export function startPeriodicTasks(db: Db, queue: Pick<JobQueue, "enqueue" | "revive">, log: Log, { sweepSeconds }: { sweepSeconds: number }): () => void {
  const periodic: Periodic[] = [
    ["operation sweep", sweepSeconds * 1000, () => resumeUnfinishedOperations(db, queue.revive)],
    ["expiry sweep", 15_000, () => expireDueTenants(db, queue.enqueue)],
    ...(process.env.ENCLAVE_TELEMETRY !== "false" ? [["telemetry generation", 15_000, () => generateRecentTelemetry(db)] as Periodic] : []),
    ["alert monitoring", 15_000, () => runMonitoringTick(db, log)],
    ["notification delivery", 5_000, () => deliverDueNotifications(db)],
    ["cost sync", 5 * 60_000, () => runBillingTick(db, log)],
    ["telemetry retention", 3_600_000, () => pruneTelemetry(db)],
  ];
  const timers: NodeJS.Timeout[] = [];
  for (const [name, everyMs, task] of periodic) {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      task()
        .catch((error: Error) => log("error", `${name} failed: ${error.message}`))
        .finally(() => (busy = false));
    };
    if (everyMs < 3_600_000) timers.push(setTimeout(tick, 1_000));
    timers.push(setInterval(tick, everyMs));
  }
  return () => timers.forEach(clearTimeout);
}
