import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, operations, operationSteps, tenants, tenantSecrets } from "@/db/schema";
import { requestResourceCreation } from "@/lib/resources/request-resource-change";
import { LeaseLostError, OperationHeldError } from "@/lib/provisioning/engine";
import { provisionPlan } from "@/lib/provisioning/plan";
import { openStepLog } from "@/lib/provisioning/open-step-log";
import { recordFailure, recordIntent, recordSuccess } from "@/lib/provisioning/step-log";
import { testDatabases, useDatabase } from "./helpers/databases";
import { countByKind, oneOfEach, provisioningSetup } from "./helpers/provisioning";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabases())("operation lease between workers on $kind", (target) => {
  const database = useDatabase(target);
  const operationRow = async (id: string) =>
    (await database().db.select().from(operations).where(eq(operations.id, id)))[0]!;
  const tenantRow = async (id: string) => (await database().db.select().from(tenants).where(eq(tenants.id, id)))[0]!;
  // Two tenants' provisionings, both running on worker-a: the tests then take one away.
  const twoHeldByWorkerA = async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const [kept, lost] = [await p.create(), await p.create()];
    await db
      .update(operations)
      .set({ state: "running", leaseOwner: "worker-a", leaseUntil: sql`now() + interval '1 minute'` })
      .where(inArray(operations.id, [kept.operationId, lost.operationId]));
    return [kept, lost] as const;
  };

  it("tells a job queue to retry while another worker runs the operation, and to stop once it has finished", async () => {
    const p = await provisioningSetup(database().db, { latencyMs: 200 });
    const { operationId } = await p.create();
    const first = p.run(operationId, { workerId: "worker-a" });
    while ((await operationRow(operationId)).leaseOwner !== "worker-a") await sleep(5);
    await expect(p.run(operationId, { workerId: "worker-b", whenHeld: "throw" })).rejects.toBeInstanceOf(
      OperationHeldError,
    );
    expect(await first).toBe("finished");
    expect(await p.run(operationId, { workerId: "worker-b", whenHeld: "throw" })).toBe("skipped");
  });

  it("hands an interrupted operation back at once, so another worker resumes it without waiting out the lease", async () => {
    const p = await provisioningSetup(database().db);
    const { tenantId, operationId } = await p.create();
    const crash = (key: string) => {
      if (key === "namespace") throw new Error("simulated failure");
    };
    await expect(p.run(operationId, { workerId: "worker-a", hooks: { afterCloudCall: crash } })).rejects.toThrow(
      "simulated failure",
    );
    expect(await operationRow(operationId)).toMatchObject({ state: "running", leaseOwner: null });
    expect(await p.run(operationId, { workerId: "worker-b", whenHeld: "throw" })).toBe("finished");
    expect(countByKind(await p.resources(await tenantRow(tenantId)))).toEqual(oneOfEach);
  });

  it("stops a worker whose lease was taken over before it records more, and leaves the operation to the new holder", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const { tenantId, operationId } = await p.create();
    // As if worker-a stalled past its lease and worker-b claimed the operation meanwhile.
    const takeOver = async (key: string) => {
      if (key !== "namespace") return;
      await db
        .update(operations)
        .set({ leaseOwner: "worker-b", leaseUntil: sql`now() + interval '1 minute'` })
        .where(eq(operations.id, operationId));
      // Not a guess at when the heartbeat runs (a loaded machine delays it): a whole lease after the
      // takeover, worker-a's last renewal is older than its lease, so its next check must fail.
      const takenAt = Date.now();
      while (Date.now() - takenAt <= 3_000) await sleep(100);
    };
    await expect(
      p.run(operationId, { workerId: "worker-a", leaseSeconds: 3, hooks: { afterCloudCall: takeOver } }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(await operationRow(operationId)).toMatchObject({ state: "running", leaseOwner: "worker-b" });
    expect((await tenantRow(tenantId)).status).toBe("provisioning");

    await db
      .update(operations)
      .set({ leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(operations.id, operationId));
    expect(await p.run(operationId, { workerId: "worker-c" })).toBe("finished");
    expect((await tenantRow(tenantId)).status).toBe("ready");
    expect(countByKind(await p.resources(await tenantRow(tenantId)))).toEqual(oneOfEach);
  });

  it.each(["tenant", "resource"])(
    "refuses to let a worker whose lease was taken over finish a %s operation, even between checks",
    async (kind) => {
      const { db } = database();
      const p = await provisioningSetup(db);
      const made = await p.create();
      let operationId = made.operationId;
      if (kind === "resource") {
        await p.run(made.operationId);
        const ctx = { db, actor: p.admin, ip: null };
        operationId = (
          await requestResourceCreation(
            { ...ctx, tenant: await tenantRow(made.tenantId) },
            {
              tenant: made.name,
              kind: "bucket",
              name: "assets",
            },
          )
        ).operationId;
      }
      // Taken over after the last cloud call, before worker-a's heartbeat could notice: only the finish's own fence stops it.
      let takenOver = false;
      const takeOver = async () => {
        if (takenOver) return;
        takenOver = true;
        await db
          .update(operations)
          .set({ leaseOwner: "worker-b", leaseUntil: sql`now() + interval '1 minute'` })
          .where(eq(operations.id, operationId));
      };
      await expect(
        p.run(operationId, { workerId: "worker-a", hooks: { afterCloudCall: takeOver } }),
      ).rejects.toBeInstanceOf(LeaseLostError);
      expect(await operationRow(operationId)).toMatchObject({
        state: "running",
        leaseOwner: "worker-b",
        finishedAt: null,
      });
      const finishedAudits = (
        await db.select().from(auditEvents).where(eq(auditEvents.tenantId, made.tenantId))
      ).filter((a) => ["tenant.ready", "resource.created"].includes(a.action));
      expect(finishedAudits.map((a) => a.action)).toEqual(kind === "resource" ? ["tenant.ready"] : []);
    },
  );

  it("makes no cloud call and records no step for a worker whose lease was taken over between its checks", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const { operationId } = await p.create();
    let takenAt: string | undefined;
    const takeOver = async (key: string) => {
      if (takenAt) return;
      takenAt = key;
      await db
        .update(operations)
        .set({ leaseOwner: "worker-b", leaseUntil: sql`now() + interval '1 minute'` })
        .where(eq(operations.id, operationId));
    };
    await expect(
      p.run(operationId, { workerId: "worker-a", hooks: { afterCloudCall: takeOver } }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    const steps = await db.select().from(operationSteps).where(eq(operationSteps.operationId, operationId));
    expect(steps.find((s) => s.key === takenAt)).toMatchObject({ state: "running", result: null });
    const dependents = provisionPlan({ name: "x", quota: { pods: 10 } })
      .filter((s) => s.deps.includes(takenAt!))
      .map((s) => s.key)
      .sort();
    const dependentSteps = steps.filter((s) => dependents.includes(s.key)).sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(dependentSteps.map((s) => [s.key, s.state, s.attempts])).toEqual(
      dependents.map((key) => [key, "pending", 0]),
    );
  });

  it("stores no key pair's private key for a worker whose lease was taken over after the cloud made it", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const { tenantId, operationId } = await p.create();
    const takeOver = async (key: string) => {
      if (key === "key-pair")
        await db
          .update(operations)
          .set({ leaseOwner: "worker-b", leaseUntil: sql`now() + interval '1 minute'` })
          .where(eq(operations.id, operationId));
    };
    await expect(
      p.run(operationId, { workerId: "worker-a", hooks: { afterCloudCall: takeOver } }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(await db.select().from(tenantSecrets).where(eq(tenantSecrets.tenantId, tenantId))).toEqual([]);
    expect(
      (await db.select().from(operationSteps).where(eq(operationSteps.operationId, operationId))).find(
        (s) => s.key === "key-pair",
      ),
    ).toMatchObject({ state: "running" });
  });

  it("refuses a step write of a worker that lost the lease, even in one statement with a holder's", async () => {
    const { db } = database();
    const [kept, lost] = await twoHeldByWorkerA();
    for (const { operationId, tenantId } of [kept, lost])
      await openStepLog(db, { operationId, workerId: "worker-a" }, tenantId, ["namespace", "iam-role"]);
    await db.update(operations).set({ leaseOwner: "worker-b" }).where(eq(operations.id, lost.operationId));
    const [mine, theirs] = [kept, lost].map(({ operationId }) => ({ operationId, workerId: "worker-a" }));

    // Made in one turn, the three writes share one statement.
    const intents = await Promise.allSettled([
      recordIntent(db, mine!, "namespace", "k1"),
      recordIntent(db, mine!, "iam-role", "k2"),
      recordIntent(db, theirs!, "namespace", "k1"),
    ]);
    expect(intents.map((o) => (o.status === "rejected" ? o.reason.constructor : o.status))).toEqual([
      "fulfilled",
      "fulfilled",
      LeaseLostError,
    ]);
    const results = await Promise.allSettled([
      recordSuccess(db, mine!, "namespace", { id: "ns" }),
      recordSuccess(db, mine!, "iam-role", { id: "role" }),
      recordSuccess(db, theirs!, "namespace", { id: "ns" }),
    ]);
    expect(results.map((o) => (o.status === "rejected" ? o.reason.constructor : o.status))).toEqual([
      "fulfilled",
      "fulfilled",
      LeaseLostError,
    ]);
    await recordFailure(db, theirs!, "iam-role", "late failure");

    const stepsOf = (operationId: string) =>
      db.select().from(operationSteps).where(eq(operationSteps.operationId, operationId)).orderBy(operationSteps.key);
    expect((await stepsOf(kept.operationId)).map((s) => [s.key, s.state, s.attempts, s.result])).toEqual([
      ["iam-role", "succeeded", 1, { id: "role" }],
      ["namespace", "succeeded", 1, { id: "ns" }],
    ]);
    expect((await stepsOf(lost.operationId)).map((s) => [s.key, s.state, s.attempts, s.error])).toEqual([
      ["iam-role", "pending", 0, null],
      ["namespace", "pending", 0, null],
    ]);
  });

  it("opens a plan's log with its opening steps running only for the worker holding the lease", async () => {
    const { db } = database();
    const [kept, lost] = await twoHeldByWorkerA();
    await db.update(operations).set({ leaseOwner: "worker-b" }).where(eq(operations.id, lost.operationId));
    const open = ({ operationId, tenantId }: { operationId: string; tenantId: string }) =>
      openStepLog(
        db,
        { operationId, workerId: "worker-a" },
        tenantId,
        ["namespace", "sa-read"],
        [{ key: "namespace", idempotencyKey: "k1" }],
      );

    expect(await open(kept)).toEqual({ previous: [], added: new Set(["namespace", "sa-read"]) });
    expect(await open(lost)).toEqual({ previous: [], added: new Set() });
    const stepsOf = (operationId: string) =>
      db.select().from(operationSteps).where(eq(operationSteps.operationId, operationId)).orderBy(operationSteps.key);
    const started = (await stepsOf(kept.operationId)).map((s) => [s.key, s.state, s.attempts, s.idempotencyKey]);
    expect(started).toEqual([
      ["namespace", "running", 1, "k1"],
      ["sa-read", "pending", 0, null],
    ]);
    expect(await stepsOf(lost.operationId)).toEqual([]);

    // Opened again (a resumed run), the log adds nothing and starts nothing twice.
    const reopened = await open(kept);
    expect(reopened.added).toEqual(new Set());
    expect(reopened.previous.map((s) => [s.key, s.state, s.attempts, s.idempotencyKey]).sort()).toEqual(started);
  });
});
