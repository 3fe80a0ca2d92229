import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import PgBoss from "pg-boss";
import type { Database } from "@/db/client";
import { driverForInfrastructureId } from "@/lib/cloud";
import { runOperation } from "@/lib/provisioning/engine";
import { sealSecret } from "@/lib/security/encryption";
import { generateRecentTelemetry } from "@/lib/telemetry/generate-recent-telemetry";
import { pruneTelemetry } from "@/lib/telemetry/retention";
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
  const timers: { sweeper?: NodeJS.Timeout; telemetry?: NodeJS.Timeout; retention?: NodeJS.Timeout } = {};
  const queue: JobQueue = {
    async enqueue(operationId) {
      await boss.send(operationQueue, { operationId }, { singletonKey: operationId });
    },
    async stop() {
      clearInterval(timers.sweeper);
      clearInterval(timers.telemetry);
      clearInterval(timers.retention);
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
  timers.sweeper = setInterval(() => {
    expireDueTenants(database.db, (id) => queue.enqueue(id)).catch((error) => log("error", `expiry sweep failed: ${error.message}`));
  }, 15_000);
  if (process.env.ENCLAVE_TELEMETRY !== "false") {
    const tick = () => generateRecentTelemetry(database.db).catch((error) => log("error", `telemetry generation failed: ${error.message}`));
    void tick();
    timers.telemetry = setInterval(tick, 15_000);
  }
  // Hourly; several workers pruning at once delete disjoint batches or nothing.
  timers.retention = setInterval(() => {
    pruneTelemetry(database.db)
      .then((removed) => removed.logLines + removed.metricPoints > 0 && log("info", "telemetry pruned", removed))
      .catch((error) => log("error", `telemetry retention failed: ${error.message}`));
  }, 3_600_000);
  log("info", "worker started", { workerId });
  return queue;
}
