import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/context/actor";
import { listVisibleTenants } from "@/lib/tenants/queries";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createInfrastructure, createTenant, createUser, grantAccess } from "./helpers/factory";

describe.each(testDatabases())("visible tenants on $kind", (target) => {
  const database = useDatabase(target);

  async function threeTenants() {
    const { db } = database();
    const infrastructure = await createInfrastructure(db);
    return Promise.all([1, 2, 3].map(() => createTenant(db, { infrastructureId: infrastructure.id })));
  }

  it("shows a user only the tenants granted to them", async () => {
    const { db } = database();
    const [reading, writing, other] = await threeTenants();
    const user = await createUser(db);
    await grantAccess(db, user.id, reading!.id, "read");
    await grantAccess(db, user.id, writing!.id, "write");

    const visible = await listVisibleTenants(db, await loadActor(db, user));

    expect(visible.map((t) => t.name).sort()).toEqual([reading!.name, writing!.name].sort());
    expect(visible.map((t) => t.id)).not.toContain(other!.id);
  });

  it("shows nothing to a user without grants", async () => {
    const { db } = database();
    await threeTenants();
    const user = await createUser(db);
    expect(await listVisibleTenants(db, await loadActor(db, user))).toEqual([]);
  });

  it("drops a grant once it has expired", async () => {
    const { db } = database();
    const [expired, current] = await threeTenants();
    const user = await createUser(db);
    await grantAccess(db, user.id, expired!.id, "write", new Date(Date.now() - 60_000));
    await grantAccess(db, user.id, current!.id, "read", new Date(Date.now() + 60 * 60_000));

    const actor = await loadActor(db, user);

    expect([...actor.grants.keys()]).toEqual([current!.id]);
    expect((await listVisibleTenants(db, actor)).map((t) => t.id)).toEqual([current!.id]);
  });

  it("shows an admin every tenant, without being granted any", async () => {
    const { db } = database();
    const created = await threeTenants();
    const admin = await createUser(db, { role: "admin" });

    const visible = await listVisibleTenants(db, await loadActor(db, admin));

    expect(visible.map((t) => t.id)).toEqual(expect.arrayContaining(created.map((t) => t.id)));
  });

  it("hides deleted tenants even from an admin", async () => {
    const { db } = database();
    const ready = await createTenant(db);
    const deleted = await createTenant(db, { infrastructureId: ready.infrastructureId, status: "deleted" });
    const admin = await createUser(db, { role: "admin" });
    const visible = (await listVisibleTenants(db, await loadActor(db, admin))).map((t) => t.id);
    expect(visible).toContain(ready.id);
    expect(visible).not.toContain(deleted.id);
  });
});
