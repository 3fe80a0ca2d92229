import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { operations, operationSteps, tenants } from "@/db/schema";
import { testDatabases, useDatabase } from "./helpers/databases";
import { callApi, tokenFor } from "./helpers/call-api";
import { createTenant, createUser, grantAccess } from "./helpers/factory";

const app = vi.hoisted(() => ({ db: null as unknown, enqueued: [] as string[] }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
vi.mock("@/lib/jobs/enqueue", () => ({ enqueueOperation: async (id: string) => void app.enqueued.push(id) }));
const item = await import("@/app/api/v1/tenants/[tenant]/route");
const operation = await import("@/app/api/v1/tenants/[tenant]/operations/[operation]/route");

describe.each(testDatabases())("a tenant's settings, deletion and operations through /api/v1 on $kind", (target) => {
  const database = useDatabase(target);
  let admin: string;
  let writer: string;

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    admin = await tokenFor(db, (await createUser(db, { role: "admin" })).id);
    const user = await createUser(db);
    writer = await tokenFor(db, user.id);
    const own = await createTenant(db);
    await grantAccess(db, user.id, own.id, "write");
  });

  const patch = (tenant: string, body: unknown, secret = admin) =>
    callApi(item.PATCH, { path: `/api/v1/tenants/${tenant}`, method: "PATCH", secret, params: { tenant }, body });
  const remove = (tenant: string, secret = admin) =>
    callApi(item.DELETE, { path: `/api/v1/tenants/${tenant}`, method: "DELETE", secret, params: { tenant } });

  it("changes settings through the action's service, with an operation only when the quota must reach the cloud", async () => {
    const { name } = await createTenant(database().db);
    const unprotected = await patch(name, { deletionProtection: false });
    expect(unprotected).toMatchObject({
      status: 200,
      body: { tenant: { deletionProtection: false }, operation: null },
    });
    const quota = await patch(name, { quota: { cpu: "2", pods: 10 } });
    expect(quota.body).toMatchObject({
      tenant: { quota: { cpu: "2", pods: 10 } },
      operation: { kind: "provision", status: "pending", tenant: name },
    });
    expect(app.enqueued).toContain(quota.body.operation.id);
    expect(await patch(name, { expiresAt: "2001-01-01T00:00:00Z" })).toMatchObject({
      status: 400,
      body: { error: { field: "body.expiresAt", message: "The expiry must be in the future." } },
    });
    expect((await patch(name, { deletionProtection: true }, writer)).status).toBe(404);
  });

  it("refuses to delete a protected tenant, saying how to lift the protection, then deletes it", async () => {
    const { db } = database();
    const { name, id } = await createTenant(db);
    const refused = await remove(name);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`PATCH /api/v1/tenants/${name} with {"deletionProtection": false}`);
    await patch(name, { deletionProtection: false });
    const deleting = await remove(name);
    expect(deleting).toMatchObject({ status: 202, body: { operation: { kind: "delete", tenant: name } } });
    expect(app.enqueued).toContain(deleting.body.operation.id);
    const [row] = await db.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, id));
    expect(row!.status).toBe("deleting");
    expect((await remove(name)).body.operation.id).toBe(deleting.body.operation.id);
  });

  it("answers an operation with its steps, and another tenant's operation as missing in this one", async () => {
    const { db } = database();
    const [mine, theirs] = [await createTenant(db), await createTenant(db)];
    const [op] = await db
      .insert(operations)
      .values({ tenantId: mine.id, kind: "provision", state: "running" })
      .returning();
    await db.insert(operationSteps).values([
      { tenantId: mine.id, operationId: op!.id, key: "security-group", state: "succeeded" },
      { tenantId: mine.id, operationId: op!.id, key: "iam-role", state: "failed", error: "AccessDenied" },
    ]);
    const get = (tenant: string, id: string) =>
      callApi(operation.GET, {
        path: `/api/v1/tenants/${tenant}/operations/${id}`,
        secret: admin,
        params: { tenant, operation: id },
      });
    expect(await get(mine.name, op!.id)).toMatchObject({
      status: 200,
      body: {
        id: op!.id,
        tenant: mine.name,
        status: "running",
        finishedAt: null,
        steps: [
          { name: "security-group", status: "succeeded", detail: null },
          { name: "iam-role", status: "failed", detail: "AccessDenied" },
        ],
      },
    });
    expect(await get(theirs.name, op!.id)).toMatchObject({
      status: 404,
      body: { error: { message: `No operation ${op!.id} in ${theirs.name}.` } },
    });
    expect((await get(mine.name, "not-an-id")).status).toBe(404);
  });
});
