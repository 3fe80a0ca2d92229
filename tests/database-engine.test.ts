import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, localCloudResources, operations, operationSteps, tenantSecrets } from "@/db/schema";
import { resumeUnfinishedOperations } from "@/lib/jobs/resume-operations";
import { getLatestOperation } from "@/lib/provisioning/operations";
import { revealDatabasePassword } from "@/lib/resources/reveal-database-password";
import { testDatabases, useDatabase } from "./helpers/databases";
import { databaseTenant, testUnseal } from "./helpers/database-tenant";

describe.each(testDatabases())("databases on the engine on $kind", (target) => {
  const database = useDatabase(target);
  const operation = async (id: string) =>
    (await database().db.select().from(operations).where(eq(operations.id, id)))[0]!;
  const revived = async () => {
    const ids: string[] = [];
    await resumeUnfinishedOperations(database().db, async (id) => void ids.push(id));
    return ids;
  };

  it("rests a create while the database is creating, re-checks it when due, and ends it available", async () => {
    const { db } = database();
    const t = await databaseTenant(db);
    const { operationId } = await t.create();
    expect(await t.run(operationId)).toBe("waiting");
    const resting = await operation(operationId);
    expect(resting).toMatchObject({ state: "running", leaseOwner: null, finishedAt: null });
    expect(resting.leaseUntil!.getTime()).toBeGreaterThan(Date.now());
    const progress = await getLatestOperation(db, t.tenant.id, "resource");
    expect(progress?.steps).toMatchObject([
      { key: "create-database", state: "running", waiting: "waiting for available (creating)" },
    ]);
    // Nothing runs it before its re-check: not a job, not the sweep.
    expect(await t.run(operationId, { workerId: "another-worker" })).toBe("skipped");
    expect(await revived()).not.toContain(operationId);

    // A restart in between: a new worker picks it up from the row alone.
    await t.pass(30, operationId);
    expect(await revived()).toContain(operationId);
    expect(await t.run(operationId, { workerId: "after-restart" })).toBe("waiting");
    await t.pass(30, operationId);
    expect(await t.run(operationId, { workerId: "after-restart" })).toBe("finished");
    expect((await operation(operationId)).state).toBe("succeeded");
    const [made] = await t.databases();
    expect(made).toMatchObject({ name: `enclave-${t.tenant.name}-orders` });
    const listed = (await t.driver().listTenantResources(t.tenant.name)).find((r) => r.kind === "database");
    expect(listed).toMatchObject({
      status: "available",
      attributes: {
        engine: "postgres",
        engineVersion: "16.4",
        instanceClass: "db.t4g.micro",
        storageGiB: 20,
        multiAz: false,
        port: 5432,
        endpoint: `enclave-${t.tenant.name}-orders.local-rds.enclave.internal`,
      },
    });
    expect(listed!.attributes.securityGroupId).toMatch(/^sg-/);
    expect(listed!.attributes.kmsKeyId).toMatch(/^key-/);
  });

  it.each([
    ["the create call", 0],
    ["the re-check that finds it available", 1],
  ])("resumes after a crash right after %s, with one database and one password", async (_, crashOnCall) => {
    const { db } = database();
    const t = await databaseTenant(db);
    const { operationId } = await t.create();
    let calls = 0;
    const crash = () => {
      if (calls++ === crashOnCall) throw new Error("simulated crash");
    };
    const withCrash = { hooks: { afterCloudCall: crash } };
    if (crashOnCall === 1) {
      expect(await t.run(operationId, withCrash)).toBe("waiting");
      await t.pass(60, operationId);
    }
    await expect(t.run(operationId, withCrash)).rejects.toThrow("simulated crash");
    expect((await operation(operationId)).state).toBe("running");
    const outcome = await t.run(operationId, { workerId: "after-crash" });
    if (outcome === "waiting") {
      await t.pass(60, operationId);
      expect(await t.run(operationId, { workerId: "after-crash" })).toBe("finished");
    } else expect(outcome).toBe("finished");
    expect((await operation(operationId)).state).toBe("succeeded");
    expect(await t.databases()).toHaveLength(1);
    const secrets = await db.select().from(tenantSecrets).where(eq(tenantSecrets.tenantId, t.tenant.id));
    expect(secrets.filter((s) => s.kind.startsWith("database:"))).toHaveLength(1);
  });

  it("keeps the password out of step results, the audit and the cloud's rows, and reveals it audited", async () => {
    const { db } = database();
    const t = await databaseTenant(db);
    const { operationId } = await t.create();
    expect(await t.run(operationId)).toBe("waiting");
    await t.pass(60, operationId);
    expect(await t.run(operationId)).toBe("finished");
    const name = `enclave-${t.tenant.name}-orders`;
    const password = await revealDatabasePassword(t.ctx, { tenant: t.tenant.name, name }, testUnseal);
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const everywhere = JSON.stringify([
      await db.select().from(operationSteps).where(eq(operationSteps.tenantId, t.tenant.id)),
      await db.select().from(operations).where(eq(operations.tenantId, t.tenant.id)),
      await db.select().from(auditEvents).where(eq(auditEvents.tenantId, t.tenant.id)),
      await db.select().from(localCloudResources).where(eq(localCloudResources.tenantTag, t.tenant.name)),
    ]);
    expect(everywhere).not.toContain(password);
    const [revealed] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, t.tenant.id), eq(auditEvents.action, "database.password_revealed")));
    expect(revealed).toMatchObject({ actorId: t.p.admin.id, target: `database ${name}` });
  });

  it("deletes a database after a final snapshot, waiting until it is gone, and forgets its password", async () => {
    const { db } = database();
    const t = await databaseTenant(db);
    const name = await t.createAvailable();
    const { operationId } = await t.remove(name, true);
    expect(await t.run(operationId)).toBe("waiting");
    const status = async () => (await t.driver().listTenantResources(t.tenant.name)).find((r) => r.kind === "database");
    expect(await status()).toMatchObject({ status: "backing-up" });
    const [row] = await t.databases();
    expect(row!.attributes.finalSnapshot).toMatch(new RegExp(`^${name}-final-`));
    await t.pass(30, operationId);
    expect(await t.run(operationId)).toBe("waiting");
    expect(await status()).toMatchObject({ status: "deleting" });
    await t.pass(30, operationId);
    expect(await t.run(operationId)).toBe("finished");
    expect(await t.databases()).toEqual([]);
    const secrets = await db.select().from(tenantSecrets).where(eq(tenantSecrets.tenantId, t.tenant.id));
    expect(secrets.map((s) => s.kind)).toEqual(["pem"]);
  });

  it("has the tenant's deletion wait for its databases before removing its groups", async () => {
    const { db } = database();
    const t = await databaseTenant(db);
    await t.createAvailable();
    const { startTenantOperation } = await import("@/lib/provisioning/operations");
    const deletion = await startTenantOperation(db, t.tenant.id, "delete");
    expect(await t.run(deletion)).toBe("waiting");
    const steps = await db.select().from(operationSteps).where(eq(operationSteps.operationId, deletion));
    const state = (key: string) => steps.find((s) => s.key === key)?.state;
    expect([state("remove-databases"), state("remove-security-groups")]).toEqual(["running", "pending"]);
    await t.pass(30, deletion);
    expect(await t.run(deletion)).toBe("finished");
    expect(await t.p.resources(t.tenant)).toEqual([]);
  });
});
