import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, tenants } from "@/db/schema";
import { testDatabases, useDatabase } from "./helpers/databases";
import { callApi, tokenFor } from "./helpers/call-api";
import { createInfrastructure, createTenant, createUser, grantAccess, uniqueName } from "./helpers/factory";

const app = vi.hoisted(() => ({ db: null as unknown, enqueued: [] as string[] }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
vi.mock("@/lib/jobs/enqueue", () => ({ enqueueOperation: async (id: string) => void app.enqueued.push(id) }));
const collection = await import("@/app/api/v1/tenants/route");
const item = await import("@/app/api/v1/tenants/[tenant]/route");
const infrastructures = await import("@/app/api/v1/infrastructures/route");

describe.each(testDatabases())("/api/v1/tenants on $kind", (target) => {
  const database = useDatabase(target);
  const prefix = uniqueName("t");
  const secrets = {} as Record<"admin" | "adminRead" | "readerOfA" | "nobody", string>;
  let infrastructureId: string;
  let a: { name: string; id: string };
  let b: { name: string; id: string };

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    infrastructureId = (await createInfrastructure(db)).id;
    a = await createTenant(db, { infrastructureId, name: `${prefix}-a` });
    b = await createTenant(db, { infrastructureId, name: `${prefix}-b` });
    await createTenant(db, { infrastructureId, name: `${prefix}-c`, status: "deleted" });
    const [admin, reader, nobody] = [
      await createUser(db, { role: "admin" }),
      await createUser(db),
      await createUser(db),
    ];
    await grantAccess(db, reader.id, a.id, "read");
    secrets.admin = await tokenFor(db, admin.id);
    secrets.adminRead = await tokenFor(db, admin.id, "read");
    secrets.readerOfA = await tokenFor(db, reader.id);
    secrets.nobody = await tokenFor(db, nobody.id);
  });

  const list = (secret: string, query = `q=${prefix}`) =>
    callApi(collection.GET, { path: `/api/v1/tenants?${query}`, secret });
  const names = (body: { items: { name: string }[] }) => body.items.map((t) => t.name);

  it("lists the infrastructures a tenant can be created in to administrators, and to nobody else", async () => {
    const path = "/api/v1/infrastructures";
    const { status, body } = await callApi(infrastructures.GET, { path, secret: secrets.adminRead });
    expect(status).toBe(200);
    const ours = body.items.find((i: { id: string }) => i.id === infrastructureId);
    expect(ours).toMatchObject({ id: infrastructureId, tenantCount: 2 });
    for (const secret of [secrets.readerOfA, secrets.nobody])
      expect(await callApi(infrastructures.GET, { path, secret })).toMatchObject({
        status: 404,
        body: { error: { code: "not_found", message: "Not found." } },
      });
  });

  it("lists what each token may see, never a deleted tenant, in the Tenant shape", async () => {
    const all = await list(secrets.admin);
    expect(all.status).toBe(200);
    expect(names(all.body)).toEqual([a.name, b.name]);
    expect(all.body.items[0]).toEqual({
      name: a.name,
      status: "ready",
      statusMessage: null,
      infrastructure: expect.any(String),
      region: "local",
      quota: null,
      deletionProtection: true,
      expiresAt: null,
      createdAt: expect.stringMatching(/Z$/),
    });
    expect(names((await list(secrets.readerOfA)).body)).toEqual([a.name]);
    expect(await list(secrets.nobody)).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
  });

  it("pages by name without repeating or skipping a tenant when others are made between pages", async () => {
    const { db } = database();
    const p = uniqueName("pg");
    for (const n of ["b", "d", "f", "h"]) await createTenant(db, { infrastructureId, name: `${p}-${n}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(secrets.admin, `q=${p}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...names(page.body));
      cursor = page.body.nextCursor;
      if (++pages === 1) for (const n of ["a", "e"]) await createTenant(db, { infrastructureId, name: `${p}-${n}` });
    } while (cursor);
    expect(seen).toEqual([`${p}-b`, `${p}-d`, `${p}-e`, `${p}-f`, `${p}-h`]);
  });

  it("refuses a cursor it did not hand out and a limit out of range, naming the parameter", async () => {
    expect(await list(secrets.admin, "cursor=bm9wZQ")).toMatchObject({
      status: 400,
      body: { error: { code: "invalid", field: "query.cursor" } },
    });
    expect((await list(secrets.admin, "limit=0")).body.error).toMatchObject({ field: "query.limit" });
    expect((await callApi(collection.GET, { path: "/api/v1/tenants" })).status).toBe(401);
  });

  it("creates a tenant through the action's service: 202 with its operation, enqueued and audited with the token", async () => {
    const name = `${prefix}-new`;
    const created = await callApi(collection.POST, {
      path: "/api/v1/tenants",
      method: "POST",
      secret: secrets.admin,
      body: { name, infrastructureId, deletionProtection: false },
    });
    expect(created.status).toBe(202);
    expect(created.body.tenant).toMatchObject({ name, status: "provisioning", deletionProtection: false });
    expect(created.body.operation).toMatchObject({ tenant: name, kind: "provision", status: "pending", steps: [] });
    expect(app.enqueued).toContain(created.body.operation.id);
    const [event] = await database()
      .db.select()
      .from(auditEvents)
      .innerJoin(tenants, eq(tenants.id, auditEvents.tenantId))
      .where(and(eq(tenants.name, name), eq(auditEvents.action, "tenant.create")));
    expect(event!.audit_events.tokenId).not.toBeNull();
    const again = { path: "/api/v1/tenants", method: "POST", secret: secrets.admin, body: { name, infrastructureId } };
    expect(await callApi(collection.POST, again)).toMatchObject({ status: 409, body: { error: { code: "conflict" } } });
  });

  it("refuses a bad body with its field, a read-scoped token with 403 and a user's token as if nothing were there", async () => {
    const post = (secret: string, body: unknown) =>
      callApi(collection.POST, { path: "/api/v1/tenants", method: "POST", secret, body });
    expect((await post(secrets.admin, { name: "Bad Name", infrastructureId })).body.error).toMatchObject({
      field: "body.name",
      message: expect.stringContaining("lowercase"),
    });
    const elsewhere = await post(secrets.admin, { name: `${prefix}-x`, infrastructureId: crypto.randomUUID() });
    expect(elsewhere).toMatchObject({ status: 400, body: { error: { field: "body.infrastructureId" } } });
    const good = { name: `${prefix}-y`, infrastructureId };
    expect((await post(secrets.adminRead, good)).body.error.code).toBe("insufficient_scope");
    expect((await post(secrets.readerOfA, good)).status).toBe(404);
  });

  it("answers one tenant to whoever may read it and 404 to whoever may not", async () => {
    const get = (secret: string, tenant: string) =>
      callApi(item.GET, { path: `/api/v1/tenants/${tenant}`, secret, params: { tenant } });
    expect(await get(secrets.readerOfA, a.name)).toMatchObject({ status: 200, body: { name: a.name } });
    expect(await get(secrets.readerOfA, b.name)).toMatchObject({
      status: 404,
      body: { error: { message: "Not found." } },
    });
    expect((await get(secrets.admin, `${prefix}-c`)).status).toBe(404);
  });
});
