import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, operations, tenants, type Tenant } from "@/db/schema";
import { createLocalDriver } from "@/lib/cloud/local";
import { refreshTenantInventory } from "@/lib/inventory/refresh-tenant-inventory";
import { apiToken, callApi } from "./helpers/api-requests";
import { testSeal, testUnseal } from "./helpers/database-tenant";
import { testDatabases, useDatabase } from "./helpers/databases";
import { provisioningSetup } from "./helpers/provisioning";

// The real /api/v1 door, routes and services; the app's database and the job queue's hand-over are stood in for.
const app = vi.hoisted(() => ({ db: null as unknown, enqueued: [] as string[] }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
vi.mock("@/lib/jobs/enqueue", () => ({ enqueueOperation: async (id: string) => void app.enqueued.push(id) }));
const collection = await import("@/app/api/v1/tenants/[tenant]/resources/route");
const single = await import("@/app/api/v1/tenants/[tenant]/resources/[kind]/[name]/route");

const cloud = { databaseReadySeconds: 0 };

describe.each(testDatabases())("the resources API on $kind", (target) => {
  const database = useDatabase(target);
  let p: Awaited<ReturnType<typeof provisioningSetup>>;
  let tenant: Tenant;
  let other: Tenant;
  const token = { writer: "", reader: "", readScoped: "", stranger: "" };

  const readyTenant = async () => {
    const { db } = database();
    const made = await p.create();
    await p.run(made.operationId);
    const [row] = await db.select().from(tenants).where(eq(tenants.name, made.name));
    return row!;
  };
  const list = (as: string, query = "") =>
    callApi(collection.GET, as, `/tenants/${tenant.name}/resources${query}`, { tenant: tenant.name });
  const create = (as: string, body: unknown, headers: Record<string, string> = {}, name = tenant.name) =>
    callApi(collection.POST, as, `/tenants/${name}/resources`, { tenant: name }, { method: "POST", body, headers });
  const remove = (as: string, kind: string, name: string, query = "", headers: Record<string, string> = {}) =>
    callApi(
      single.DELETE,
      as,
      `/tenants/${tenant.name}/resources/${kind}/${name}${query}`,
      {
        tenant: tenant.name,
        kind,
        name,
      },
      { method: "DELETE", headers },
    );
  const refreshInventory = () =>
    refreshTenantInventory(database().db, tenant, createLocalDriver(database().db, p.infrastructure.id, cloud), 60);
  /** Runs what the API handed to the engine, as a worker would. */
  const runEnqueued = async () => {
    const ran = [];
    for (const id of app.enqueued.splice(0)) ran.push(await p.run(id, { seal: testSeal, unseal: testUnseal }));
    return ran;
  };

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    p = await provisioningSetup(db, cloud);
    [tenant, other] = [await readyTenant(), await readyTenant()];
    token.writer = await apiToken(db, { grants: { [tenant.id]: "write" } });
    token.reader = await apiToken(db, { grants: { [tenant.id]: "read" } });
    token.readScoped = await apiToken(db, { grants: { [tenant.id]: "write" }, scope: "read" });
    token.stranger = await apiToken(db, { grants: { [other.id]: "write" } });
  });

  it("creates a bucket: 202 with a pending operation, which the engine then runs, and the listing shows it", async () => {
    const created = await create(token.writer, { kind: "bucket", name: "assets" });
    expect(created.status).toBe(202);
    const operation = created.body.operation as { id: string };
    expect(created.body).toMatchObject({
      resource: { kind: "bucket", name: `enclave-${tenant.name}-assets` },
      operation: { tenant: tenant.name, kind: "resource", status: "pending", error: null, finishedAt: null, steps: [] },
    });
    expect(app.enqueued).toEqual([operation.id]);
    expect(await runEnqueued()).toEqual(["finished"]);
    const [row] = await database().db.select().from(operations).where(eq(operations.id, operation.id));
    expect(row!.state).toBe("succeeded");
    const [audit] = await database()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.id), eq(auditEvents.action, "resource.create_requested")));
    expect(audit!.tokenId).not.toBeNull();

    await refreshInventory();
    const listed = await list(token.reader);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ kind: "bucket", name: `enclave-${tenant.name}-assets`, status: "available" }),
    ]);
    expect(listed.body).toMatchObject({ nextCursor: null, refreshedAt: expect.any(String) });
  });

  it("creates a service and a database, pages the listing by cursor, and deletes through the engine", async () => {
    const service = { kind: "service", name: "web", image: "nginx:1.27", port: 80, expose: true };
    expect((await create(token.writer, service)).status).toBe(202);
    await runEnqueued();
    const made = await create(token.writer, {
      kind: "database",
      name: "orders",
      engine: "postgres",
      engineVersion: "16.4",
    });
    expect(made.body).toMatchObject({ resource: { kind: "database", name: `enclave-${tenant.name}-orders` } });
    expect(await runEnqueued()).toEqual(["finished"]);
    await refreshInventory();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(token.reader, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as { kind: string; name: string }[]).map((r) => `${r.kind} ${r.name}`));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual([
      `bucket enclave-${tenant.name}-assets`,
      `database enclave-${tenant.name}-orders`,
      "load-balancer web",
      "service web",
    ]);

    const deleted = await remove(token.writer, "service", "web");
    expect(deleted).toMatchObject({ status: 202, body: { resource: { kind: "service", name: "web" } } });
    expect(await runEnqueued()).toEqual(["finished"]);
    await refreshInventory();
    expect((await list(token.reader)).body.items).toHaveLength(2);
    expect(await remove(token.writer, "service", "web")).toMatchObject({
      status: 404,
      body: { error: { code: "not_found", message: `No service named web in ${tenant.name}.` } },
    });

    // The query is part of what a key stands for: the same key asking for a final snapshot is another request.
    const orders = `enclave-${tenant.name}-orders`;
    const key = { "idempotency-key": "delete-orders" };
    expect((await remove(token.writer, "database", orders, "", key)).status).toBe(202);
    expect(await remove(token.writer, "database", orders, "?finalSnapshot=true", key)).toMatchObject({
      status: 422,
      body: { error: { code: "idempotency_mismatch" } },
    });
    expect(
      (await remove(token.writer, "database", orders, "?finalSnapshot=false", key)).headers.get("idempotent-replayed"),
    ).toBe("true");
    expect(await runEnqueued()).toEqual(["finished"]);
  });

  it("answers a tenant the token may not see 404, a read grant or a read-scoped token 403, and bad input 400 naming the field", async () => {
    const bucket = { kind: "bucket", name: "logs" };
    for (const answer of [await list(token.stranger), await create(token.stranger, bucket)])
      expect(answer).toMatchObject({ status: 404, body: { error: { code: "not_found", message: "Not found." } } });
    expect((await create(token.writer, bucket, {}, "no-such-tenant")).status).toBe(404);
    expect(await create(token.reader, bucket)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await create(token.readScoped, bucket)).toMatchObject({
      status: 403,
      body: { error: { code: "insufficient_scope" } },
    });
    expect((await remove(token.reader, "bucket", "x")).status).toBe(403);
    expect(await create(token.writer, { kind: "bucket", name: "Logs" })).toMatchObject({
      status: 400,
      body: { error: { code: "invalid", field: "body.name" } },
    });
    expect(await create(token.writer, { kind: "queue", name: "jobs" })).toMatchObject({
      status: 400,
      body: {
        error: { field: "body.kind", message: "Choose what to create: a service, a host, a bucket or a database." },
      },
    });
    const badVersion = { kind: "database", name: "db", engine: "postgres", engineVersion: "9.6" };
    expect((await create(token.writer, badVersion)).body.error).toMatchObject({ field: "body.engineVersion" });
    expect((await list(token.reader, "?limit=500")).body.error).toMatchObject({ field: "query.limit" });
    expect((await list(token.reader, "?cursor=bm9wZQ")).body.error).toMatchObject({ field: "query.cursor" });
    expect((await remove(token.writer, "queue", "x")).status).toBe(404);
    expect(app.enqueued).toEqual([]);
  });

  it("creates once for two requests with one Idempotency-Key, replays the answer, and refuses another body 422", async () => {
    const key = { "idempotency-key": "create-box-1" };
    const first = await create(token.writer, { kind: "host", name: "box" }, key);
    const replay = await create(token.writer, { name: "box", kind: "host" }, key);
    expect(first.status).toBe(202);
    expect(replay).toMatchObject({ status: 202, body: first.body });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const conflicting = await create(token.writer, { kind: "host", name: "box2" }, key);
    expect(conflicting).toMatchObject({ status: 422, body: { error: { code: "idempotency_mismatch" } } });
    expect(app.enqueued).toHaveLength(1);
    const made = await database()
      .db.select()
      .from(operations)
      .where(and(eq(operations.tenantId, tenant.id), eq(operations.kind, "resource")));
    expect(made.filter((o) => o.request?.name === "box")).toHaveLength(1);
    await runEnqueued();
  });
});
