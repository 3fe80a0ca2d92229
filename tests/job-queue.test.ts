import { hostname } from "node:os";
import { eq, inArray, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { infrastructures, operations, tenants } from "@/db/schema";
import { operationQueue, startJobQueue } from "@/lib/jobs/job-queue";
import type { JobQueue } from "@/lib/jobs/job-queue-interface";
import { expireDueTenants } from "@/lib/jobs/expire-tenants";
import { queueSettings } from "@/lib/jobs/queue-settings";
import { resumeUnfinishedOperations } from "@/lib/jobs/resume-operations";
import { isolatedTestDatabases, useDatabase } from "./helpers/databases";
import { countByKind, oneOfEach, provisioningSetup } from "./helpers/provisioning";
import { deadPid, waitUntil } from "./helpers/worker-processes";

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(isolatedTestDatabases())("job queue on $kind", (target) => {
  const database = useDatabase(target);
  const settings = (env: Record<string, string> = {}) =>
    queueSettings({ ENCLAVE_JOBS_SCHEMA: target.jobsSchema, ...env });
  // Every job ever sent for the operation: its own (id = operation id) and any an older version sent (key = operation id).
  const jobsOf = async (operationId: string) =>
    (
      await database().executeSql(
        `select id, state from ${target.jobsSchema}.job where name = $1 and (id::text = $2 or singleton_key = $2)`,
        [operationQueue, operationId],
      )
    ).rows as { id: string; state: string }[];
  const untilReady = (tenantId: string, timeoutMs: number, what: string) =>
    waitUntil(
      async () => (await database().db.select().from(tenants).where(eq(tenants.id, tenantId)))[0]!.status === "ready",
      timeoutMs,
      what,
    );
  const live = (jobs: { state: string }[]) => jobs.filter((j) => ["created", "retry", "active"].includes(j.state));
  const withQueue = async (work: boolean, during: (queue: JobQueue) => Promise<void>, env?: Record<string, string>) => {
    const queue = await startJobQueue(database(), { work, settings: settings(env) });
    try {
      await during(queue);
    } finally {
      await queue.stop();
    }
  };
  process.env.ENCLAVE_ENCRYPTION_KEY ??= "test-only-key";

  it(
    "provisions an enqueued tenant once, even when its job is sent twice, and expires it at its time",
    { timeout: 300_000 },
    async () => {
      const { db } = database();
      const p = await provisioningSetup(db);
      await db
        .update(infrastructures)
        .set({ config: { latencyMs: 1 } })
        .where(eq(infrastructures.id, p.infrastructure.id));
      await withQueue(true, async (queue) => {
        const { tenantId, operationId } = await p.create();
        await Promise.all([queue.enqueue(operationId), queue.enqueue(operationId)]);
        const tenantStatus = async () => (await db.select().from(tenants).where(eq(tenants.id, tenantId)))[0]!;
        const ready = await waitFor(tenantStatus, (t) => t.status !== "provisioning");
        expect(ready.status).toBe("ready");
        expect(countByKind(await p.resources(ready))).toEqual(oneOfEach);
        expect(await jobsOf(operationId)).toEqual([{ id: operationId, state: "completed" }]);

        await db
          .update(tenants)
          .set({ expiresAt: new Date(Date.now() - 1000) })
          .where(eq(tenants.id, tenantId));
        expect(await expireDueTenants(db, (id) => queue.enqueue(id))).toContain(ready.name);
        expect(await expireDueTenants(db, (id) => queue.enqueue(id))).toEqual([]);
        const gone = await waitFor(tenantStatus, (t) => t.status === "deleted");
        expect(gone.status).toBe("deleted");
        expect(await p.resources(ready)).toEqual([]);
        const ops = await db.select().from(operations).where(eq(operations.tenantId, tenantId));
        expect(ops.map((o) => `${o.kind}:${o.state}`).sort()).toEqual(["delete:succeeded", "provision:succeeded"]);
      });
    },
  );

  // Four operations whose plans take at least 1.5 s each, for a worker of four loops.
  const fourSlowOperations = async () => {
    const { db } = database();
    const p = await provisioningSetup(db, { latencyMs: 500 });
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await p.create());
    const ids = made.map((m) => m.operationId);
    const finished = async () =>
      (await db.select().from(operations).where(inArray(operations.id, ids))).every((o) => o.state === "succeeded");
    const expectAllStartedBeforeTheFirstFinished = async () => {
      const ops = await db.select().from(operations).where(inArray(operations.id, ids));
      expect(Math.max(...ops.map((o) => o.startedAt!.getTime()))).toBeLessThan(
        Math.min(...ops.map((o) => o.finishedAt!.getTime())),
      );
    };
    return { db, p, made, ids, finished, expectAllStartedBeforeTheFirstFinished };
  };
  const fourLoops = { ENCLAVE_OPERATION_CONCURRENCY: "4", ENCLAVE_TELEMETRY: "false" };

  it("runs the operations of several tenants side by side on one worker, each once", { timeout: 300_000 }, async () => {
    const { db, p, made, ids, finished, expectAllStartedBeforeTheFirstFinished } = await fourSlowOperations();
    await withQueue(
      true,
      async (queue) => {
        await Promise.all(ids.map((id) => queue.enqueue(id)));
        await waitUntil(finished, 120_000, "four operations to finish");
      },
      fourLoops,
    );
    await expectAllStartedBeforeTheFirstFinished();
    for (const id of ids) expect(await jobsOf(id)).toEqual([{ id, state: "completed" }]);
    for (const { tenantId } of made)
      expect(
        countByKind(await p.resources((await db.select().from(tenants).where(eq(tenants.id, tenantId)))[0]!)),
      ).toEqual(oneOfEach);
  });

  it(
    "runs side by side the operations another process sends while its loops are idle",
    { timeout: 300_000 },
    async () => {
      const { ids, finished, expectAllStartedBeforeTheFirstFinished } = await fourSlowOperations();
      await withQueue(
        true,
        async () => {
          // A portal replica sends them: nothing wakes this worker's loops but their own watch.
          await withQueue(false, async (replica) => {
            for (const id of ids) await replica.enqueue(id);
          });
          await waitUntil(finished, 120_000, "four operations another process sent to finish");
        },
        fourLoops,
      );
      await expectAllStartedBeforeTheFirstFinished();
    },
  );

  it(
    "keeps one job per operation however often it is sent and however often workers start",
    { timeout: 300_000 },
    async () => {
      const p = await provisioningSetup(database().db);
      const { operationId } = await p.create();
      for (let start = 0; start < 3; start++) {
        await withQueue(false, async (queue) => {
          await Promise.all(Array.from({ length: 10 }, () => queue.enqueue(operationId)));
          await resumeUnfinishedOperations(database().db, queue.revive);
        });
      }
      expect(await jobsOf(operationId)).toEqual([{ id: operationId, state: "created" }]);
    },
  );

  it.each([
    // What pg-boss leaves when a job's last retry fails: the operation itself still pending.
    ["whose job spent its retries", "state = 'failed', completed_on = now()"],
    // A job that kept finding its operation held by a worker since gone.
    ["whose job is backed off for an hour", "state = 'retry', start_after = now() + interval '1 hour'"],
  ])("runs again, from the periodic sweep, an operation %s", { timeout: 300_000 }, async (_what, jobState) => {
    const { db } = database();
    const p = await provisioningSetup(db, { latencyMs: 1 });
    const { tenantId, operationId } = await p.create();
    await withQueue(false, (queue) => queue.enqueue(operationId));
    await database().executeSql(`update ${target.jobsSchema}.job set ${jobState} where name = $1 and id = $2`, [
      operationQueue,
      operationId,
    ]);
    // No start-up resume here: only the sweep, every second, can bring the job back.
    await withQueue(
      true,
      async () => {
        await untilReady(tenantId, 180_000, "the sweep to resume the operation");
      },
      { ENCLAVE_OPERATION_SWEEP_SECONDS: "1", ENCLAVE_TELEMETRY: "false" },
    );
    expect(await jobsOf(operationId)).toEqual([{ id: operationId, state: "completed" }]);
  });

  it(
    "runs at once the job a dead worker on this host left active, without waiting for its expiry",
    { timeout: 300_000 },
    async () => {
      const { db } = database();
      const p = await provisioningSetup(db, { latencyMs: 1 });
      const { tenantId, operationId } = await p.create();
      await withQueue(false, (queue) => queue.enqueue(operationId));
      // As a worker leaves things when SIGKILLed mid-run: its job active, its lease a minute long.
      const dead = new PgBoss({
        db: { executeSql: (text, values) => database().executeSql(text, values) },
        schema: target.jobsSchema,
        supervise: false,
        schedule: false,
      });
      await dead.start();
      expect((await dead.fetch(operationQueue)).map((j) => j.id)).toEqual([operationId]);
      await dead.stop({ graceful: false });
      await db
        .update(operations)
        .set({
          state: "running",
          leaseOwner: `${hostname()}:${deadPid()}:abcdef`,
          leaseUntil: sql`now() + interval '1 minute'`,
        })
        .where(eq(operations.id, operationId));

      await withQueue(true, async (queue) => {
        await resumeUnfinishedOperations(db, queue.revive);
        await untilReady(tenantId, 120_000, "the dead worker's operation to finish");
      });
      expect(await jobsOf(operationId)).toEqual([{ id: operationId, state: "completed" }]);
    },
  );

  it("stops scheduling periodic work and, before it resolves, waits for a task in the middle of its queries", async () => {
    const events: string[] = [];
    let signalStarted: () => void;
    const started = new Promise<void>((resolve) => (signalStarted = resolve));
    // PGlite runs one query at a time on the event loop, so there "mid-query" is between many short
    // ones; a stop that does not wait is caught on PostgreSQL, where the query is on the pool.
    const slowPart = async () => {
      if (target.kind === "postgres") await database().executeSql("select pg_sleep(1)");
      else for (let i = 0; i < 300; i++) await database().executeSql("select $1::int", [i]);
    };
    const task = async () => {
      await database().executeSql("select 1");
      events.push("task started");
      signalStarted();
      try {
        await slowPart();
        events.push("task finished");
      } catch (error) {
        events.push(`task failed: ${(error as Error).message}`);
      }
    };
    const queue = await startJobQueue(database(), {
      work: true,
      settings: settings(),
      periodicTasks: [["slow task", 100, task]],
    });
    await started;
    await queue.stop();
    events.push("stopped");
    expect(events).toEqual(["task started", "task finished", "stopped"]);
  });

  it(
    "cancels the duplicate jobs an older version queued, leaving one live job per operation",
    { timeout: 300_000 },
    async () => {
      const p = await provisioningSetup(database().db);
      const { operationId } = await p.create();
      const older = new PgBoss({
        db: { executeSql: (text, values) => database().executeSql(text, values) },
        schema: target.jobsSchema,
        supervise: false,
        schedule: false,
      });
      await older.start();
      await older.createQueue(operationQueue);
      for (let start = 0; start < 3; start++)
        await older.send(operationQueue, { operationId }, { singletonKey: operationId });
      await older.stop({ graceful: false });
      expect(live(await jobsOf(operationId))).toHaveLength(3);

      await withQueue(false, async (queue) => {
        await resumeUnfinishedOperations(database().db, queue.revive);
      });
      expect(live(await jobsOf(operationId))).toEqual([{ id: operationId, state: "created" }]);
    },
  );
});
