import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents } from "@/db/schema";
import { testDatabases, useDatabase } from "./helpers/databases";
import { callApi, tokenFor } from "./helpers/call-api";
import { createTenant, createUser, grantAccess } from "./helpers/factory";

const app = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
const grants = await import("@/app/api/v1/tenants/[tenant]/grants/route");
const grant = await import("@/app/api/v1/tenants/[tenant]/grants/[user]/route");
const tenantRoute = await import("@/app/api/v1/tenants/[tenant]/route");

describe.each(testDatabases())("a tenant's grants through /api/v1 on $kind", (target) => {
  const database = useDatabase(target);
  let tenant: string;
  let tenantId: string;
  let admin: string;
  let adminRead: string;
  let reader: string;
  let grantee: { id: string; email: string; secret: string };

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    ({ name: tenant, id: tenantId } = await createTenant(db));
    const adminUser = await createUser(db, { role: "admin" });
    admin = await tokenFor(db, adminUser.id);
    adminRead = await tokenFor(db, adminUser.id, "read");
    const readerUser = await createUser(db);
    await grantAccess(db, readerUser.id, tenantId, "read");
    reader = await tokenFor(db, readerUser.id);
    const user = await createUser(db);
    grantee = { id: user.id, email: user.email, secret: await tokenFor(db, user.id) };
  });

  const put = (user: string, body: unknown, secret = admin) =>
    callApi(grant.PUT, {
      path: `/api/v1/tenants/${tenant}/grants/${user}`,
      method: "PUT",
      secret,
      params: { tenant, user },
      body,
    });
  const revoke = (user: string, secret = admin) =>
    callApi(grant.DELETE, {
      path: `/api/v1/tenants/${tenant}/grants/${user}`,
      method: "DELETE",
      secret,
      params: { tenant, user },
    });
  const seesTenant = async () =>
    (await callApi(tenantRoute.GET, { path: `/api/v1/tenants/${tenant}`, secret: grantee.secret, params: { tenant } }))
      .status;

  it("grants by email in any case, which the grantee's next request carries, audited with the token", async () => {
    expect(await seesTenant()).toBe(404);
    const granted = await put(grantee.email.toUpperCase(), { level: "read" });
    expect(granted).toMatchObject({
      status: 200,
      body: { user: { id: grantee.id, email: grantee.email, kind: "person" }, level: "read", expiresAt: null },
    });
    expect(await seesTenant()).toBe(200);
    const [event] = await database()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.action, "grant.set")));
    expect(event).toMatchObject({ target: grantee.email, tokenId: expect.any(String) });
  });

  it("lists the tenant's grants to its readers", async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    await put(grantee.id, { level: "write", expiresAt });
    const listed = await callApi(grants.GET, {
      path: `/api/v1/tenants/${tenant}/grants`,
      secret: reader,
      params: { tenant },
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toContainEqual({
      user: { id: grantee.id, email: grantee.email, name: "Test User", kind: "person" },
      level: "write",
      expiresAt,
      source: "direct",
    });
  });

  it("revokes, after which the grantee's next request is refused; revoking again is a 404", async () => {
    expect(await revoke(grantee.id)).toMatchObject({ status: 200, body: { user: { id: grantee.id }, revoked: true } });
    expect(await seesTenant()).toBe(404);
    expect((await revoke(grantee.id)).status).toBe(404);
  });

  it("refuses an unknown user by name, a bad level by field, and callers who may not grant", async () => {
    expect(await put("nobody@example.test", { level: "read" })).toMatchObject({
      status: 404,
      body: { error: { message: "No user nobody@example.test." } },
    });
    expect((await put(grantee.id, { level: "admin" })).body.error).toMatchObject({
      field: "body.level",
      message: "Choose read or write.",
    });
    expect((await put(grantee.id, { level: "read" }, adminRead)).status).toBe(403);
    expect((await put(grantee.id, { level: "read" }, reader)).status).toBe(404);
    expect((await revoke(grantee.id, reader)).status).toBe(404);
  });
});
