import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, operations, tenants } from "@/db/schema";
import { createResourceInput } from "@/lib/resources/resource-input";
import { requestResourceCreation, requestResourceDeletion } from "@/lib/resources/request-resource-change";
import { toTenantResources } from "@/lib/resources/resource-kinds";
import { requestTenantDeletion } from "@/lib/tenants/request-tenant-deletion";
import { createLocalDriver } from "@/lib/cloud/local";
import { testDatabases, useDatabase } from "./helpers/databases";
import { provisioningSetup } from "./helpers/provisioning";

const firstIssue = (input: unknown) => createResourceInput.safeParse(input).error?.issues[0];

describe("resource input", () => {
  it.each([
    [{ tenant: "dev", kind: "queue", name: "x1" }, "Choose what to create: a service, a host, a bucket or a database."],
    [
      { tenant: "dev", kind: "service", name: "Web", image: "nginx" },
      "Use lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen.",
    ],
    [
      { tenant: "dev", kind: "service", name: "web", image: "nginx; rm -rf /" },
      "An image looks like nginx:1.27 or registry.example.com/team/app@sha256:…",
    ],
    [
      { tenant: "dev", kind: "service", name: "web", image: "nginx", expose: true },
      "A service behind a load balancer needs the port it listens on.",
    ],
    [{ tenant: "dev", kind: "service", name: "web", image: "nginx", replicas: 50 }, "At most 20 replicas."],
    [{ tenant: "dev", kind: "host", name: "box", size: "huge" }, "Choose a size: small, medium or large."],
  ])("refuses %o with a message a person can act on", (input, message) => {
    expect(firstIssue(input)?.message).toBe(message);
  });
});

describe.each(testDatabases())("tenant resources on $kind", (target) => {
  const database = useDatabase(target);

  async function readyTenant() {
    const { db } = database();
    const p = await provisioningSetup(db);
    const made = await p.create();
    await p.run(made.operationId);
    const [tenant] = await db.select().from(tenants).where(eq(tenants.name, made.name));
    const ctx = { db, actor: p.admin, ip: null };
    const listed = async () =>
      toTenantResources(await createLocalDriver(db, p.infrastructure.id).listTenantResources(tenant!.name));
    return { db, p, tenant: tenant!, ctx, listed };
  }

  it("creates an exposed service and a bucket on the engine, lists them with status, and deletes them", async () => {
    const { db, p, tenant, ctx, listed } = await readyTenant();
    const service = await requestResourceCreation(
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
    expect(await p.run(service.operationId)).toBe("finished");
    const bucket = await requestResourceCreation(
      { ...ctx, tenant },
      { tenant: tenant.name, kind: "bucket", name: "assets" },
    );
    await p.run(bucket.operationId);
    const made = await listed();
    expect(made.map((r) => [r.kind, r.name, r.status])).toEqual(
      [
        ["bucket", `enclave-${tenant.name}-assets`, "available"],
        ["service", "web", "2/2 ready"],
        ["load-balancer", "web", "active"],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
    );
    const [status] = await db.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, tenant.id));
    expect(status!.status).toBe("ready");

    await p.run(
      (await requestResourceDeletion({ ...ctx, tenant }, { tenant: tenant.name, kind: "service", name: "web" }))
        .operationId,
    );
    expect((await listed()).map((r) => r.kind)).toEqual(["bucket"]);
    const actions = (
      await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.tenantId, tenant.id))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "resource.create_requested",
        "resource.created",
        "resource.delete_requested",
        "resource.deleted",
      ]),
    );
  });

  it("refuses a duplicate name, a missing resource, and a second change while one runs", async () => {
    const { tenant, ctx } = await readyTenant();
    const first = requestResourceCreation(
      { ...ctx, tenant },
      {
        tenant: tenant.name,
        kind: "host",
        name: "box",
        size: "small",
      },
    );
    await expect(first).resolves.toBeDefined();
    await expect(
      requestResourceCreation({ ...ctx, tenant }, { tenant: tenant.name, kind: "bucket", name: "logs" }),
    ).rejects.toThrow("Another operation is still running on this tenant; wait for it to finish.");
    await expect(
      requestResourceDeletion({ ...ctx, tenant }, { tenant: tenant.name, kind: "service", name: "nope" }),
    ).rejects.toThrow(`No service named nope in ${tenant.name}.`);
  });

  it("refuses a name already taken, and a tenant that is not ready", async () => {
    const { db, p, tenant, ctx } = await readyTenant();
    await p.run(
      (
        await requestResourceCreation(
          { ...ctx, tenant },
          { tenant: tenant.name, kind: "host", name: "box", size: "small" },
        )
      ).operationId,
    );
    await expect(
      requestResourceCreation({ ...ctx, tenant }, { tenant: tenant.name, kind: "host", name: "box", size: "large" }),
    ).rejects.toThrow(`A host named box already exists in ${tenant.name}.`);
    await db.update(tenants).set({ status: "failed" }).where(eq(tenants.id, tenant.id));
    await expect(
      requestResourceCreation({ ...ctx, tenant }, { tenant: tenant.name, kind: "bucket", name: "logs" }),
    ).rejects.toThrow(`Resources can be changed once ${tenant.name} is ready; it is failed.`);
  });

  it("fails the operation, not the tenant, when the cloud refuses, and says why", async () => {
    const { db } = database();
    const p = await provisioningSetup(db, { faults: { bucket: { permanent: true } } });
    const made = await p.create();
    await p.run(made.operationId);
    const [tenant] = await db.select().from(tenants).where(eq(tenants.name, made.name));
    const { operationId } = await requestResourceCreation(
      { db, actor: p.admin, ip: null, tenant: tenant! },
      {
        tenant: made.name,
        kind: "bucket",
        name: "assets",
      },
    );
    await p.run(operationId);
    const [op] = await db.select().from(operations).where(eq(operations.id, operationId));
    expect(op!.state).toBe("failed");
    expect(op!.error).toMatch(/refused to create bucket/);
    const [after] = await db.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, tenant!.id));
    expect(after!.status).toBe("ready");
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant!.id), eq(auditEvents.action, "resource.created_failed")))
      .orderBy(desc(auditEvents.at));
    expect(audit!.target).toBe(`bucket enclave-${made.name}-assets`);
  });

  it("removes the tenant's services, hosts and buckets when the tenant is deleted", async () => {
    const { p, tenant, ctx } = await readyTenant();
    for (const input of [
      {
        tenant: tenant.name,
        kind: "service" as const,
        name: "api",
        image: "nginx",
        replicas: 1,
        port: 8080,
        expose: true,
      },
      { tenant: tenant.name, kind: "host" as const, name: "box", size: "small" as const },
      { tenant: tenant.name, kind: "bucket" as const, name: "assets" },
    ])
      await p.run((await requestResourceCreation({ ...ctx, tenant }, input)).operationId);
    expect(await p.resources(tenant)).not.toHaveLength(0);
    const { operationId } = await requestTenantDeletion(ctx, { tenant: tenant.name, confirmName: tenant.name });
    await p.run(operationId!);
    expect(await p.resources(tenant)).toEqual([]);
  });
});
