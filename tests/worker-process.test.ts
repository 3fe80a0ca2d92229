import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { operations, operationSteps, tenants } from "@/db/schema";
import { operationQueue, startJobQueue } from "@/lib/jobs/job-queue";
import type { JobQueue } from "@/lib/jobs/job-queue-interface";
import { queueSettings } from "@/lib/jobs/queue-settings";
import { provisioningSetup } from "./helpers/provisioning";
import { freePort, tcpProxy } from "./helpers/tcp-proxy";
import { createWorkerSchema, type WorkerSchema } from "./helpers/worker-database";
import { killWorkers, startWorkers, waitForWorkers, waitUntil, type WorkerProcess } from "./helpers/worker-processes";

describe.runIf(process.env.DATABASE_URL)("a worker process and its database", () => {
  let isolated: WorkerSchema | undefined;
  let database: Database;
  let queue: JobQueue | undefined;
  const workers: WorkerProcess[] = [];
  const proxy = { cut: async () => {} };

  beforeAll(async () => {
    isolated = await createWorkerSchema(process.env.DATABASE_URL!);
    database = await openDatabase({ url: isolated.url });
    queue = await startJobQueue(database, {
      work: false,
      settings: queueSettings({ ENCLAVE_JOBS_SCHEMA: isolated.jobsSchema }),
    });
  });
  afterAll(async () => {
    killWorkers(workers);
    await proxy.cut();
    await queue?.stop().catch(() => {});
    await database?.close().catch(() => {});
    await isolated?.drop();
  });

  const spawnWorker = (url = isolated!.url) => {
    const env = {
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: "4",
      ENCLAVE_JOBS_SCHEMA: isolated!.jobsSchema,
      ENCLAVE_ENCRYPTION_KEY: "test-only-key",
      ENCLAVE_TELEMETRY: "false",
    };
    const [worker] = startWorkers(1, env);
    workers.push(worker!);
    return worker!;
  };
  const said = (worker: WorkerProcess, message: string) => worker.logs.filter((l) => l.message === message).length;
  const tenantStatus = async (id: string) =>
    (await database.db.select().from(tenants).where(eq(tenants.id, id)))[0]!.status;

  it(
    "waits for a database that is not there yet, and carries on through a lost connection, logging both",
    { timeout: 600_000 },
    async () => {
      const port = await freePort();
      const through = tcpProxy(port, {
        host: new URL(process.env.DATABASE_URL!).hostname,
        port: Number(new URL(process.env.DATABASE_URL!).port || 5432),
      });
      proxy.cut = through.cut;
      const url = new URL(isolated!.url);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      const worker = spawnWorker(url.toString());
      await waitUntil(
        () => said(worker, "worker cannot start; retrying") >= 2 || worker.exit !== undefined,
        120_000,
        "two failed starts",
      );
      expect(worker.exit).toBeUndefined();
      await through.open();
      await waitForWorkers([worker], 180_000);

      await through.cut();
      const p = await provisioningSetup(database.db, { latencyMs: 100 });
      const { tenantId, operationId } = await p.create();
      await queue!.enqueue(operationId);
      await waitUntil(
        () => said(worker, "job queue database call failed; retrying") > 0 || worker.exit !== undefined,
        120_000,
        "the worker to log its lost database",
      );
      expect(worker.exit).toBeUndefined();
      await through.open();
      await waitUntil(
        async () => (await tenantStatus(tenantId)) === "ready",
        180_000,
        "the worker to provision the tenant once its database is back",
      );
      expect(said(worker, "job queue database calls succeed again")).toBeGreaterThan(0);
      expect(worker.exit).toBeUndefined();
      killWorkers([worker]);
    },
  );

  it(
    "on SIGTERM hands its operation back at the next step, logs no error, and exits cleanly",
    { timeout: 600_000 },
    async () => {
      const worker = spawnWorker();
      await waitForWorkers([worker]);
      const p = await provisioningSetup(database.db, { latencyMs: 500 });
      const { tenantId, operationId } = await p.create();
      await queue!.enqueue(operationId);
      const succeeded = async () =>
        (await database.db.select().from(operationSteps).where(eq(operationSteps.operationId, operationId))).filter(
          (s) => s.state === "succeeded",
        ).length;
      await waitUntil(async () => (await succeeded()) > 0, 120_000, "a first step to succeed");
      const stoppingAt = worker.logs.length;
      worker.child.kill("SIGTERM");
      await waitUntil(() => worker.exit !== undefined, 120_000, "the worker to exit");

      expect(worker.exit).toBe("code 0");
      expect(worker.logs.slice(stoppingAt).map((l) => l.message)).toEqual(
        expect.arrayContaining(["stopping", "operation handed back: the worker is stopping", "worker stopped"]),
      );
      expect(worker.logs.slice(stoppingAt).filter((l) => l.level === "error")).toEqual([]);
      const [op] = await database.db.select().from(operations).where(eq(operations.id, operationId));
      expect(op).toMatchObject({ state: "running", leaseOwner: null });
      const { rows } = await database.executeSql(
        `select state from ${isolated!.jobsSchema}.job where name = $1 and id = $2`,
        [operationQueue, operationId],
      );
      expect(rows).toEqual([{ state: "retry" }]);

      const successor = spawnWorker();
      await waitUntil(
        async () => (await tenantStatus(tenantId)) === "ready",
        180_000,
        "another worker to finish the operation",
      );
      killWorkers([successor]);
    },
  );
});
