import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { driverForInfrastructureId } from "@/lib/cloud";
import { runOperation } from "@/lib/provisioning/engine";
import { sealSecret } from "@/lib/security/encryption";
import { generateRecentTelemetry } from "@/lib/telemetry/generate-recent-telemetry";
import { pruneTelemetry } from "@/lib/telemetry/retention";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { runBillingTick, runMonitoringTick } from "./monitoring";
import { expireDueTenants } from "./expire-tenants";

export const operationQueue = "tenant-operation";

export interface JobQueue {
  enqueue(operationId: string): Promise<void>;
  stop(): Promise<void>;
}

const log = (level: string, message: string, extra: Record<string, unknown> = {}) => console.log(JSON.stringify({ level, at: new Date().toISOString(), component: "jobs", message, ...extra }));

/**
 * pg-boss on the portal's own database (PostgreSQL, or PGlite through its executeSql): each job
 * is claimed by one worker (SKIP LOCKED); a crashed worker's job expires and is retried, and the
 * engine's lease makes the retry resume rather than repeat.
 */
export async function startJobQueue(database: Database, { work }: { work: boolean }): Promise<JobQueue> {
  const boss = new PgBoss({ db: { executeSql: (text, values) => database.executeSql(text, values) }, schema: "pgboss", schedule: false, maintenanceIntervalSeconds: 120 });
  boss.on("error", (error) => log("error", error.message));
  await boss.start();
  await boss.createQueue(operationQueue, { name: operationQueue, retryLimit: 20, retryDelay: 2, retryBackoff: true, expireInSeconds: 15 * 60 });
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const timers: NodeJS.Timeout[] = [];
  const queue: JobQueue = {
    async enqueue(operationId) {
      await boss.send(operationQueue, { operationId }, { singletonKey: operationId });
    },
    async stop() {
      timers.forEach(clearInterval);
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
  if (!work) return queue;
  await boss.work<{ operationId: string }>(operationQueue, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([job]) => {
    const outcome = await runOperation(database.db, job!.data.operationId, {
      workerId,
      seal: sealSecret,
      driverFor: (tenant) => driverForInfrastructureId(database.db, tenant.infrastructureId),
    });
    log("info", `operation ${outcome}`, { operationId: job!.data.operationId, workerId });
  });
  const db = database.db;
  // Periodic work every worker does; each is safe to run on several workers at once (keys, locks).
  type Periodic = [name: string, everyMs: number, task: () => Promise<unknown>];
  const periodic: Periodic[] = [
    ["expiry sweep", 15_000, () => expireDueTenants(db, (id) => queue.enqueue(id))],
    ...(process.env.ENCLAVE_TELEMETRY !== "false" ? [["telemetry generation", 15_000, () => generateRecentTelemetry(db)] as Periodic] : []),
    ["alert monitoring", 15_000, () => runMonitoringTick(db, log)],
    ["notification delivery", 5_000, () => deliverDueNotifications(db)],
    ["cost sync", 5 * 60_000, () => runBillingTick(db, log)],
    ["telemetry retention", 3_600_000, () => pruneTelemetry(db)],
  ];
  for (const [name, everyMs, task] of periodic) {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      task()
        .catch((error: Error) => log("error", `${name} failed: ${error.message}`))
        .finally(() => (busy = false));
    };
    if (everyMs < 3_600_000) setTimeout(tick, 1_000);
    timers.push(setInterval(tick, everyMs));
  }
  log("info", "worker started", { workerId });
  return queue;
}
