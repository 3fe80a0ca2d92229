import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tenants } from "@/db/schema";
import { combineDrivers } from "@/lib/cloud/composite-driver";
import { createLocalDriver } from "@/lib/cloud/local";
import { testDatabases, useDatabase } from "./helpers/databases";
import { countByKind, provisioningSetup } from "./helpers/provisioning";
import { createInfrastructure } from "./helpers/factory";

describe.each(testDatabases())("combined AWS + Kubernetes driver on $kind", (target) => {
  const database = useDatabase(target);

  it("sends each kind to the cloud that holds it, and lists and checks both", async () => {
    const { db } = database();
    const [accountInfra, clusterInfra] = await Promise.all([createInfrastructure(db), createInfrastructure(db)]);
    const account = createLocalDriver(db, accountInfra.id);
    const cluster = createLocalDriver(db, clusterInfra.id);
    const driver = combineDrivers(account, cluster);
    await driver.ensure({ kind: "security_group", name: "enclave-a", tenant: "a", idempotencyKey: "k1" });
    await driver.ensure({ kind: "namespace", name: "tenant-a", tenant: "a", idempotencyKey: "k2" });
    expect((await account.listTenantResources("a")).map((r) => r.kind)).toEqual(["security_group"]);
    expect((await cluster.listTenantResources("a")).map((r) => r.kind)).toEqual(["namespace"]);
    expect((await driver.listTenantResources("a")).map((r) => r.kind).sort()).toEqual(["namespace", "security_group"]);
    expect(await driver.checkConnectivity()).toMatchObject({ ok: true });
  });

  it("reads costs and alarms from the account, and has none without one", async () => {
    const { db } = database();
    const [accountInfra, clusterInfra] = await Promise.all([createInfrastructure(db), createInfrastructure(db)]);
    // An hour on, the host has run long enough to cost something.
    const account = createLocalDriver(db, accountInfra.id, {}, () => new Date(Date.now() + 3_600_000));
    await account.ensure({
      kind: "host",
      name: "box",
      tenant: "a",
      idempotencyKey: "k1",
      attributes: { instanceType: "t3.small" },
    });
    const driver = combineDrivers(account, createLocalDriver(db, clusterInfra.id));
    const today = new Date().toISOString().slice(0, 10);
    expect((await driver.readDailyCosts!("a", today, "2999-01-01")).map((c) => c.service)).toContain("Amazon EC2");
    expect((await driver.listAlarms!("a")).map((a) => a.resource)).toEqual(["box"]);
    const clusterOnly = combineDrivers(null, createLocalDriver(db, clusterInfra.id));
    expect([clusterOnly.readDailyCosts, clusterOnly.listAlarms]).toEqual([undefined, undefined]);
  });

  it("provisions only the cluster's constructs on an infrastructure without a cloud account", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const { tenantId, operationId, name } = await p.create();
    const clusterOnly = combineDrivers(null, createLocalDriver(db, p.infrastructure.id));
    expect(clusterOnly.supports!("iam_role")).toBe(false);
    await p.run(operationId, { driverFor: async () => clusterOnly });
    expect(countByKind(await p.resources({ name }))).toEqual({
      namespace: 1,
      service_account: 2,
      role_binding: 2,
      network_policy: 1,
      resource_quota: 1,
    });
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
    expect(tenant!.status).toBe("ready");
  });
});
