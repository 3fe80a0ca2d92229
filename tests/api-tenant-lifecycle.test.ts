import { beforeAll, describe, expect, it, vi } from "vitest";
import { testDatabases, useDatabase } from "./helpers/databases";
import { callApi, tokenFor } from "./helpers/call-api";
import { createUser, uniqueName } from "./helpers/factory";
import { provisioningSetup } from "./helpers/provisioning";

// The API and the engine are real; the job queue's hand-over is kept here for the test to work, as a worker would.
const app = vi.hoisted(() => ({ db: null as unknown, queued: [] as string[] }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
vi.mock("@/lib/jobs/enqueue", () => ({ enqueueOperation: async (id: string) => void app.queued.push(id) }));
const tenants = await import("@/app/api/v1/tenants/route");
const tenantItem = await import("@/app/api/v1/tenants/[tenant]/route");
const operation = await import("@/app/api/v1/tenants/[tenant]/operations/[operation]/route");
const grant = await import("@/app/api/v1/tenants/[tenant]/grants/[user]/route");

describe.each(testDatabases())("a tenant's whole life through /api/v1 on $kind", (target) => {
  const database = useDatabase(target);
  let setup: Awaited<ReturnType<typeof provisioningSetup>>;
  let admin: string;

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    setup = await provisioningSetup(db);
    admin = await tokenFor(db, setup.admin.id);
  });

  /** What a worker does with the operation the API handed to the queue. */
  const work = async () => {
    for (const id of app.queued.splice(0)) await setup.run(id);
  };
  const pollOperation = (tenant: string, id: string) =>
    callApi(operation.GET, {
      path: `/api/v1/tenants/${tenant}/operations/${id}`,
      secret: admin,
      params: { tenant, operation: id },
    });
  const getTenant = (tenant: string, secret = admin) =>
    callApi(tenantItem.GET, { path: `/api/v1/tenants/${tenant}`, secret, params: { tenant } });

  it("creates, waits for, grants, unprotects and deletes a tenant", async () => {
    const name = uniqueName("life");
    const create = () =>
      callApi(tenants.POST, {
        path: "/api/v1/tenants",
        method: "POST",
        secret: admin,
        headers: { "idempotency-key": `create-${name}` },
        body: { name, infrastructureId: setup.infrastructure.id },
      });
    const created = await create();
    expect(created.status).toBe(202);
    // A pipeline retrying after a lost answer gets the same tenant and operation, not a 409.
    const retried = await create();
    expect(retried).toMatchObject({ status: 202, body: { operation: { id: created.body.operation.id } } });
    expect(retried.headers.get("idempotent-replayed")).toBe("true");
    await work();
    const provisioned = await pollOperation(name, created.body.operation.id);
    expect(provisioned.body).toMatchObject({ status: "succeeded", finishedAt: expect.any(String) });
    expect(provisioned.body.steps.length).toBeGreaterThan(5);
    expect(provisioned.body.steps.every((s: { status: string }) => s.status === "succeeded")).toBe(true);
    expect((await getTenant(name)).body).toMatchObject({ status: "ready", deletionProtection: true });
    expect((await setup.resources({ name })).length).toBeGreaterThan(0);

    const person = await createUser(database().db);
    const personal = await tokenFor(database().db, person.id, "read");
    const path = `/api/v1/tenants/${name}/grants/${person.email}`;
    const params = { tenant: name, user: person.email };
    await callApi(grant.PUT, { path, method: "PUT", secret: admin, params, body: { level: "read" } });
    expect((await getTenant(name, personal)).status).toBe(200);

    const remove = () =>
      callApi(tenantItem.DELETE, {
        path: `/api/v1/tenants/${name}`,
        method: "DELETE",
        secret: admin,
        params: { tenant: name },
      });
    expect((await remove()).status).toBe(409);
    const patch = { path: `/api/v1/tenants/${name}`, method: "PATCH", secret: admin, params: { tenant: name } };
    await callApi(tenantItem.PATCH, { ...patch, body: { deletionProtection: false } });
    const deletion = await remove();
    expect(deletion).toMatchObject({ status: 202, body: { operation: { kind: "delete" } } });
    expect((await pollOperation(name, deletion.body.operation.id)).body.status).toBe("pending");
    await work();
    expect((await getTenant(name)).status).toBe(404);
    expect(await setup.resources({ name })).toEqual([]);
  });
});
