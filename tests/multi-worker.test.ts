import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { operations, operationSteps, tenants } from "@/db/schema";
import { startJobQueue } from "@/lib/jobs/job-queue";
import type { JobQueue } from "@/lib/jobs/job-queue-interface";
import { queueSettings } from "@/lib/jobs/queue-settings";
import { countByKind, oneOfEach, provisioningSetup } from "./helpers/provisioning";
import { createWorkerSchema, type WorkerSchema } from "./helpers/worker-database";
import { killWorkers, startWorkers, waitForWorkers, waitUntil, type WorkerProcess } from "./helpers/worker-processes";

// Short leases so a killed worker's job comes back in seconds: expiry 8 s, maintenance every 4 s.
const leaseSeconds = "4";

describe.runIf(process.env.DATABASE_URL)("several worker processes on one PostgreSQL", () => {
  let isolated: WorkerSchema | undefined;
  let database: Database;
  let queue: JobQueue | undefined;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    isolated = await createWorkerSchema(process.env.DATABASE_URL!);
    database = await openDatabase({ url: isolated.url });
    queue = await startJobQueue(database, {
      work: false,
      settings: queueSettings({
        ENCLAVE_OPERATION_LEASE_SECONDS: leaseSeconds,
        ENCLAVE_JOBS_SCHEMA: isolated.jobsSchema,
      }),
    });
  });
  // A test that fails part-way must not leave its workers to take the next test's operations.
  afterEach(() => killWorkers(workers));
  afterAll(async () => {
    killWorkers(workers);
    await queue?.stop().catch(() => {});
    await database?.close().catch(() => {});
    await isolated?.drop();
  });

  const spawnWorkers = async (count: number) => {
    const started = startWorkers(count, {
      DATABASE_URL: isolated!.url,
      DATABASE_POOL_SIZE: "4",
      ENCLAVE_JOBS_SCHEMA: isolated!.jobsSchema,
      ENCLAVE_OPERATION_LEASE_SECONDS: leaseSeconds,
      ENCLAVE_ENCRYPTION_KEY: "test-only-key",
      ENCLAVE_TELEMETRY: "false",
    });
    workers.push(...started);
    await waitForWorkers(started);
    return started;
  };
  const finishedBy = (pool: WorkerProcess[], operationId: string) =>
    pool
      .filter((w) => w.logs.some((l) => l.message === "operation finished" && l.operationId === operationId))
      .map((w) => w.workerId);
  const stepsOf = (operationIds: string[]) =>
    database.db.select().from(operationSteps).where(inArray(operationSteps.operationId, operationIds));
  const operationsOf = (operationIds: string[]) =>
    database.db.select().from(operations).where(inArray(operations.id, operationIds));
  const unfinished = (ops: { state: string }[]) => ops.some((o) => o.state === "pending" || o.state === "running");

  it(
    "runs each of twelve operations on exactly one of three workers, and uses more than one",
    { timeout: 300_000 },
    async () => {
      const pool = await spawnWorkers(3);
      const p = await provisioningSetup(database.db, { latencyMs: 300 });
      const created = [];
      for (let i = 0; i < 12; i++) created.push(await p.create());
      const ids = created.map((c) => c.operationId);
      await Promise.all(ids.map((id) => queue!.enqueue(id)));
      await waitUntil(async () => !unfinished(await operationsOf(ids)), 40_000, "twelve operations to finish");
      // A worker logs "operation finished" after its commit, and its stdout reaches us later still on a loaded machine.
      await waitUntil(
        async () => ids.every((id) => finishedBy(pool, id).length > 0),
        20_000,
        "every finished operation in its worker's log",
      );

      expect((await operationsOf(ids)).map((o) => o.state)).toEqual(ids.map(() => "succeeded"));
      for (const id of ids) expect(finishedBy(pool, id)).toHaveLength(1);
      expect(new Set(ids.flatMap((id) => finishedBy(pool, id))).size).toBeGreaterThan(1);
      // A second run of an operation would have run (and counted) its steps again.
      expect((await stepsOf(ids)).filter((s) => s.state !== "succeeded" || s.attempts !== 1)).toEqual([]);
      for (const { tenantId } of created) {
        const [tenant] = await database.db.select().from(tenants).where(eq(tenants.id, tenantId));
        expect(tenant!.status).toBe("ready");
        expect(countByKind(await p.resources(tenant!))).toEqual(oneOfEach);
      }
      killWorkers(pool);
    },
  );

  it(
    "finishes a SIGKILLed worker's operation on another worker, repeating no step that had succeeded",
    { timeout: 300_000 },
    async () => {
      const pool = await spawnWorkers(2);
      const p = await provisioningSetup(database.db, { latencyMs: 800 });
      const { tenantId, operationId } = await p.create();
      await queue!.enqueue(operationId);
      let succeededBeforeKill: string[] = [];
      await waitUntil(
        async () => {
          const steps = await stepsOf([operationId]);
          succeededBeforeKill = steps.filter((s) => s.state === "succeeded").map((s) => s.key);
          return succeededBeforeKill.length > 0 && succeededBeforeKill.length < steps.length;
        },
        20_000,
        "the operation to be part-way",
      );
      const [running] = await operationsOf([operationId]);
      const victim = pool.find((w) => w.workerId === running!.leaseOwner)!;
      expect(victim).toBeDefined();
      victim.child.kill("SIGKILL");
      const killedAt = Date.now();

      await waitUntil(
        async () => !unfinished(await operationsOf([operationId])),
        120_000,
        "another worker to finish the operation",
      );
      const recoveredInMs = Date.now() - killedAt;
      expect((await operationsOf([operationId]))[0]!.state).toBe("succeeded");
      expect(finishedBy(pool, operationId)).toEqual(pool.filter((w) => w !== victim).map((w) => w.workerId));
      const steps = await stepsOf([operationId]);
      expect(steps.filter((s) => s.state !== "succeeded")).toEqual([]);
      expect(steps.filter((s) => succeededBeforeKill.includes(s.key)).map((s) => s.attempts)).toEqual(
        succeededBeforeKill.map(() => 1),
      );
      expect(Math.max(...steps.map((s) => s.attempts))).toBeLessThanOrEqual(2);
      const [tenant] = await database.db.select().from(tenants).where(eq(tenants.id, tenantId));
      expect(tenant!.status).toBe("ready");
      expect(countByKind(await p.resources(tenant!))).toEqual(oneOfEach);
      console.log(
        JSON.stringify({
          test: "multi-worker",
          recoveredInMs,
          succeededBeforeKill: succeededBeforeKill.length,
          steps: steps.length,
        }),
      );
    },
  );
});
