import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { infrastructures, operations, tenantInventoryRefreshes, tenants } from "@/db/schema";
import type { CloudDriver } from "@/lib/cloud/contract";
import { createLocalDriver } from "@/lib/cloud/local";
import { readTenantInventory, findInventoryResource } from "@/lib/inventory/inventory-queries";
import { refreshTenantInventory } from "@/lib/inventory/refresh-tenant-inventory";
import { requestInventoryRefresh } from "@/lib/inventory/request-inventory-refresh";
import { saveInventory } from "@/lib/inventory/save-inventory";
import { requestResourceCreation, requestResourceDeletion } from "@/lib/resources/request-resource-change";
import { addDemoFleet } from "@/lib/resources/demo-fleet";
import { countInventoryByKind } from "@/lib/tenants/tenant-inventory";
import { requestTenantDeletion } from "@/lib/tenants/request-tenant-deletion";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createInfrastructure, createTenant } from "./helpers/factory";
import { oneOfEach, provisioningSetup } from "./helpers/provisioning";

const fail = (message: string) => () => Promise.reject(new Error(message));
const unreachable = (message: string): CloudDriver => ({
  ensure: fail(message),
  remove: fail(message),
  listTenantResources: fail(message),
  checkConnectivity: fail(message),
});
const refreshRow = async (db: Db, tenantId: string) =>
  (await db.select().from(tenantInventoryRefreshes).where(eq(tenantInventoryRefreshes.tenantId, tenantId)))[0];

describe.each(testDatabases())("tenant inventory on $kind", (target) => {
  const database = useDatabase(target);

  async function readyTenant() {
    const { db } = database();
    const p = await provisioningSetup(db);
    const made = await p.create();
    await p.run(made.operationId);
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, made.tenantId));
    return {
      db,
      p,
      tenant: tenant!,
      driver: createLocalDriver(db, p.infrastructure.id),
      ctx: { db, actor: p.admin, ip: null },
    };
  }

  it("is read when provisioning finishes, before the operation shows finished", async () => {
    const { db, tenant } = await readyTenant();
    const view = await readTenantInventory(db, tenant.id);
    expect(Object.fromEntries(countInventoryByKind(view.resources).kinds.map((k) => [k.kind, k.count]))).toEqual(
      oneOfEach,
    );
    expect(countInventoryByKind(view.resources).kinds.find((k) => k.kind === "namespace")!.names).toEqual([
      `tenant-${tenant.name}`,
    ]);
    const [op] = await db.select().from(operations).where(eq(operations.tenantId, tenant.id));
    expect(view.freshness!.refreshedAt!.getTime()).toBeLessThanOrEqual(op!.finishedAt!.getTime());
    expect(view.freshness).toMatchObject({ error: null, failedAt: null, requestedAt: null });
    // The next periodic read comes a minute after an operation, not a whole interval.
    const due = (await refreshRow(db, tenant.id))!.dueAt.getTime() - view.freshness!.refreshedAt!.getTime();
    expect(due).toBeGreaterThan(50_000);
    expect(due).toBeLessThan(70_000);
  });

  it("shows a created resource when its operation finishes, and drops it when its deletion does", async () => {
    const { db, p, tenant, ctx } = await readyTenant();
    const made = await requestResourceCreation(
      { ...ctx, tenant },
      {
        tenant: tenant.name,
        kind: "service",
        name: "web",
        image: "nginx:1.27",
        replicas: 2,
        port: 80,
        expose: true,
      },
    );
    await p.run(made.operationId);
    const web = await findInventoryResource(db, tenant.id, "workload", "web");
    expect(web).toMatchObject({
      kind: "workload",
      name: "web",
      status: "2/2 ready",
      tags: { "enclave:tenant": tenant.name },
    });
    expect(web!.attributes).toMatchObject({ image: "nginx:1.27" });
    expect(await findInventoryResource(db, tenant.id, "load_balancer", "web")).toMatchObject({
      status: "active",
      attributes: expect.objectContaining({ address: `web.${tenant.name}.local.enclave` }),
    });

    await p.run(
      (await requestResourceDeletion({ ...ctx, tenant }, { tenant: tenant.name, kind: "service", name: "web" }))
        .operationId,
    );
    expect(await findInventoryResource(db, tenant.id, "workload", "web")).toBeNull();
    expect(await findInventoryResource(db, tenant.id, "load_balancer", "web")).toBeNull();
  });

  it("keeps the last good rows when the cloud cannot be listed, with the error and its time, until a read works again", async () => {
    const { db, tenant, driver } = await readyTenant();
    const before = await readTenantInventory(db, tenant.id);
    expect(await refreshTenantInventory(db, tenant, unreachable("connect ETIMEDOUT"), 300)).toBe("failed");
    const after = await readTenantInventory(db, tenant.id);
    expect(after.resources).toEqual(before.resources);
    expect(after.freshness!.refreshedAt).toEqual(before.freshness!.refreshedAt);
    expect(after.freshness!.error).toBe("The cloud could not be listed: connect ETIMEDOUT");
    expect(after.freshness!.failedAt!.getTime()).toBeGreaterThanOrEqual(before.freshness!.refreshedAt!.getTime());

    expect(await refreshTenantInventory(db, tenant, driver, 300)).toBe("saved");
    const again = await readTenantInventory(db, tenant.id);
    expect(again.freshness).toMatchObject({ error: null, failedAt: null });
    expect(again.resources).toEqual(before.resources);
  });

  it("records a driver that cannot be made as the tenant's error, not a crash", async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    await db
      .update(infrastructures)
      .set({ driver: "kubernetes", config: { kubeconfig: "/nonexistent/kubeconfig" } })
      .where(eq(infrastructures.id, infra.id));
    const tenant = await createTenant(db, { infrastructureId: infra.id });
    const { driverForInfrastructureId } = await import("@/lib/cloud");
    expect(await refreshTenantInventory(db, tenant, driverForInfrastructureId(db, infra.id), 300)).toBe("failed");
    const view = await readTenantInventory(db, tenant.id);
    expect(view.resources).toEqual([]);
    expect(view.freshness!.refreshedAt).toBeNull();
    expect(view.freshness!.error).toMatch(/^The cloud could not be listed: /);
  });

  it("drops a listing that started before the one already saved", async () => {
    const { db, tenant } = await readyTenant();
    const saved = (await readTenantInventory(db, tenant.id)).freshness!.refreshedAt!;
    const older = new Date(saved.getTime() - 1_000);
    expect(await saveInventory(db, tenant.id, { startedAt: older, resources: [] }, 300)).toBe(false);
    expect(await saveInventory(db, tenant.id, { startedAt: older, error: "late failure" }, 300)).toBe(false);
    const view = await readTenantInventory(db, tenant.id);
    expect(view.resources.length).toBeGreaterThan(0);
    expect(view.freshness!.error).toBeNull();
  });

  it("takes a person's refresh once, not again while it waits or within 10 s of a read", async () => {
    const { db, tenant, driver } = await readyTenant();
    // Read moments ago, by the provisioning.
    expect(await requestInventoryRefresh(db, tenant.id)).toBe(false);
    await db
      .update(tenantInventoryRefreshes)
      .set({ refreshedAt: sql`now() - interval '11 seconds'`, dueAt: sql`now() + interval '1 hour'` })
      .where(eq(tenantInventoryRefreshes.tenantId, tenant.id));
    expect(await requestInventoryRefresh(db, tenant.id)).toBe(true);
    const requested = (await refreshRow(db, tenant.id))!;
    expect(requested.requestedAt).not.toBeNull();
    expect(requested.dueAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(await requestInventoryRefresh(db, tenant.id)).toBe(false);

    expect(await refreshTenantInventory(db, tenant, driver, 300)).toBe("saved");
    expect((await refreshRow(db, tenant.id))!.requestedAt).toBeNull();
    expect(await requestInventoryRefresh(db, tenant.id)).toBe(false);
  });

  it("answers a tenant never read with no freshness, and a first request makes it due", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const tenant = await createTenant(db, { infrastructureId: p.infrastructure.id });
    await addDemoFleet(db, p.infrastructure.id, tenant.name);
    expect(await readTenantInventory(db, tenant.id)).toEqual({ freshness: null, resources: [] });
    expect(await requestInventoryRefresh(db, tenant.id)).toBe(true);
    expect((await readTenantInventory(db, tenant.id)).freshness).toMatchObject({ refreshedAt: null, failedAt: null });

    await refreshTenantInventory(db, tenant, createLocalDriver(db, p.infrastructure.id), 300);
    const view = await readTenantInventory(db, tenant.id);
    expect(view.resources.map((r) => `${r.kind} ${r.name}`)).toEqual([
      `bucket enclave-${tenant.name}-assets`,
      "host db-host",
      "load_balancer web",
      "workload api",
      "workload web",
      "workload worker",
    ]);
    expect(view.freshness!.requestedAt).toBeNull();
  });

  it("forgets a deleted tenant's inventory when its deletion finishes", async () => {
    const { db, p, tenant, ctx } = await readyTenant();
    const { operationId } = await requestTenantDeletion(ctx, { tenant: tenant.name, confirmName: tenant.name });
    await p.run(operationId!);
    expect(await readTenantInventory(db, tenant.id)).toEqual({ freshness: null, resources: [] });
  });
});
