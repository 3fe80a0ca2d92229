import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditEvents,
  localCloudResources,
  operations,
  operationSteps,
  ssoGroupMappings,
  tenantGrants,
  tenants,
  tenantSecrets,
} from "@/db/schema";
import { ForeignResourceError } from "@/lib/cloud/contract";
import { createLocalDriver } from "@/lib/cloud/local";
import { provisionPlan, teardownPhases, type PlanStep } from "@/lib/provisioning/plan";
import { startTenantOperation } from "@/lib/provisioning/operations";
import { isCloudError } from "@/lib/provisioning/run-context";
import { runPlan } from "@/lib/provisioning/run-plan";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createUser, grantAccess } from "./helpers/factory";
import { countByKind, fastRetry, oneOfEach, provisioningSetup } from "./helpers/provisioning";

const planKeys = provisionPlan({ name: "x", quota: { pods: 10 } }).map((s) => s.key);

describe.each(testDatabases())("provisioning engine on $kind", (target) => {
  const database = useDatabase(target);
  const tenantRow = async (id: string) => (await database().db.select().from(tenants).where(eq(tenants.id, id)))[0]!;

  it("provisions every construct once, stores the PEM key sealed, and marks the tenant ready", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const { tenantId, operationId } = await p.create();
    expect(await p.run(operationId)).toBe("finished");
    const tenant = await tenantRow(tenantId);
    expect(tenant.status).toBe("ready");
    expect(countByKind(await p.resources(tenant))).toEqual(oneOfEach);
    const steps = await db.select().from(operationSteps).where(eq(operationSteps.operationId, operationId));
    expect(steps.map((s) => s.state)).toEqual(planKeys.map(() => "succeeded"));
    expect((await db.select().from(tenantSecrets).where(eq(tenantSecrets.tenantId, tenantId)))[0]?.ciphertext).toMatch(
      /^sealed:\d+$/,
    );
  });

  it.each(planKeys)("resumes after a crash right after the cloud call of %s, with no duplicates", async (crashStep) => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const { tenantId, operationId } = await p.create();
    const crash = (key: string) => {
      if (key === crashStep) throw new Error(`simulated crash after ${key}`);
    };
    await expect(p.run(operationId, { hooks: { afterCloudCall: crash } })).rejects.toThrow("simulated crash");
    expect((await tenantRow(tenantId)).status).toBe("provisioning");
    expect(await p.run(operationId)).toBe("finished");
    const tenant = await tenantRow(tenantId);
    expect(tenant.status).toBe("ready");
    expect(countByKind(await p.resources(tenant))).toEqual(oneOfEach);
    expect(await db.select().from(tenantSecrets).where(eq(tenantSecrets.tenantId, tenantId))).toHaveLength(1);
  });

  it("ends a deletion with the tenant's secrets, grants and group mappings gone, and each end audited once", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const { tenantId, operationId } = await p.create();
    await p.run(operationId);
    await grantAccess(db, (await createUser(db)).id, tenantId, "read");
    await db.insert(ssoGroupMappings).values({ group: `group-${tenantId}`, tenantId, level: "read" });
    await p.run(await startTenantOperation(db, tenantId, "delete"));
    expect((await tenantRow(tenantId)).status).toBe("deleted");
    for (const table of [tenantSecrets, tenantGrants, ssoGroupMappings])
      expect(await db.select().from(table).where(eq(table.tenantId, tenantId))).toEqual([]);
    const audits = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.tenantId, tenantId))
      .orderBy(auditEvents.id);
    expect(
      audits.map((a) => [a.action, a.actorId, a.details]).filter(([action]) => action !== "tenant.create"),
    ).toEqual([
      ["tenant.ready", null, {}],
      ["tenant.deleted", null, {}],
    ]);
  });

  it("retries a throttled call until it succeeds", async () => {
    const { db } = database();
    const p = await provisioningSetup(db, { faults: { kms_key: { failTimes: 2 } } });
    const { tenantId, operationId } = await p.create();
    await p.run(operationId);
    const tenant = await tenantRow(tenantId);
    expect(tenant.status).toBe("ready");
    expect(countByKind(await p.resources(tenant)).kms_key).toBe(1);
  });

  it("fails the tenant on a permanent fault with the message, and a delete then leaves nothing tagged", async () => {
    const { db } = database();
    const p = await provisioningSetup(db, { faults: { namespace: { permanent: true } } });
    const { tenantId, operationId } = await p.create();
    await p.run(operationId);
    const failed = await tenantRow(tenantId);
    expect(failed.status).toBe("failed");
    expect(failed.statusMessage).toContain("injected permanent fault");
    const [failedAudit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "tenant.failed"), eq(auditEvents.tenantId, tenantId)));
    expect(failedAudit).toMatchObject({ target: failed.name, details: { error: failed.statusMessage } });
    expect((await p.resources(failed)).length).toBeGreaterThan(0);

    const deletion = await startTenantOperation(db, tenantId, "delete");
    await p.run(deletion);
    expect((await tenantRow(tenantId)).status).toBe("deleted");
    expect(await p.resources(failed)).toEqual([]);
    const steps = await db.select().from(operationSteps).where(eq(operationSteps.operationId, deletion));
    expect(steps.filter((s) => s.state === "succeeded")).toHaveLength(teardownPhases.length + 2);
  });

  it("starts a step with two dependencies that succeed at the same moment, once", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const { tenantId, operationId } = await p.create();
    await db
      .update(operations)
      .set({ state: "running", leaseOwner: "test-worker" })
      .where(eq(operations.id, operationId));
    const step = (key: string, kind: PlanStep["kind"], deps: string[] = []): PlanStep => ({
      key,
      kind,
      deps,
      spec: () => ({ kind, name: `${key}-${operationId}`, tenant: "diamond", idempotencyKey: key }),
    });
    const plan = [
      step("left", "security_group"),
      step("right", "iam_role"),
      step("joined", "kms_key", ["left", "right"]),
    ];
    // Both results come back before either is recorded, so neither write can count the other's.
    let back = 0;
    let release = () => {};
    const bothBack = new Promise<void>((resolve) => (release = resolve));
    const afterCloudCall = async (key: string) => {
      if (key === "joined") return;
      if (++back === 2) release();
      await bothBack;
    };
    const driver = createLocalDriver(db, p.infrastructure.id, {});
    const ctx = {
      db,
      operationId,
      workerId: "test-worker",
      driver,
      retry: fastRetry,
      hooks: { afterCloudCall },
      seal: (s: string) => s,
      isCloudError,
    };
    await runPlan(ctx, (await db.select().from(tenants).where(eq(tenants.id, tenantId)))[0]!, plan);
    const steps = await db.select().from(operationSteps).where(eq(operationSteps.operationId, operationId));
    expect(steps.map((s) => [s.key, s.state, s.attempts]).sort()).toEqual([
      ["joined", "succeeded", 1],
      ["left", "succeeded", 1],
      ["right", "succeeded", 1],
    ]);
  });

  it("answers local cloud calls made at the same moment each on its own: created, adopted, or refused", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const driver = createLocalDriver(db, p.infrastructure.id, {});
    const namespace = (name: string, tenant: string) =>
      driver.ensure({ kind: "namespace", name, tenant, idempotencyKey: `${tenant}-${name}` });
    const [a, b, again, foreign] = await Promise.allSettled([
      namespace("tenant-a", "a"),
      namespace("tenant-b", "b"),
      namespace("tenant-a", "a"),
      namespace("tenant-a", "c"),
    ]);
    const id = (answer: typeof a) => (answer!.status === "fulfilled" ? answer.value.id : answer!.reason);
    expect(id(again)).toBe(id(a));
    expect(id(b)).not.toBe(id(a));
    expect(foreign!.status === "rejected" && foreign.reason).toBeInstanceOf(ForeignResourceError);
    const stored = await db
      .select({ name: localCloudResources.name, tenant: localCloudResources.tenantTag })
      .from(localCloudResources)
      .where(eq(localCloudResources.infrastructureId, p.infrastructure.id));
    expect(stored.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: "tenant-a", tenant: "a" },
      { name: "tenant-b", tenant: "b" },
    ]);
  });

  it("runs one operation once when its job arrives twice at the same time", async () => {
    const { db } = database();
    const p = await provisioningSetup(db, { latencyMs: 5 });
    const { tenantId, operationId } = await p.create();
    const outcomes = await Promise.all([
      p.run(operationId, { workerId: "worker-a" }),
      p.run(operationId, { workerId: "worker-b" }),
    ]);
    expect(outcomes.sort()).toEqual(["finished", "skipped"]);
    expect(await p.run(operationId, { workerId: "worker-c" })).toBe("skipped");
    expect(countByKind(await p.resources(await tenantRow(tenantId)))).toEqual(oneOfEach);
    expect((await db.select().from(operations).where(eq(operations.id, operationId)))[0]!.state).toBe("succeeded");
  });

  it("gives two concurrent creates of one name one tenant and one clear error", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const results = await Promise.allSettled([
      p.create("same-name-" + p.infrastructure.id.slice(0, 6)),
      p.create("same-name-" + p.infrastructure.id.slice(0, 6)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason.message).toMatch(/^A tenant named same-name-\w+ already exists\.$/);
  });
});
