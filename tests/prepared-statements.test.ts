import { describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { preparedOnce } from "@/db/prepared";
import { tenants } from "@/db/schema";
import { findTenantByName } from "@/lib/context/find-tenant";
import { loadActor } from "@/lib/context/actor";
import { createTenant, createUser, grantAccess } from "./helpers/factory";
import { testDatabases, useDatabase } from "./helpers/databases";

describe.each(testDatabases())("statements built once per database handle, on $kind", (target) => {
  const database = useDatabase(target);

  it("builds a statement once for a handle, and answers each call with that call's values", async () => {
    const { db } = database();
    const build = vi.fn((handle: typeof db) =>
      handle
        .select({ name: tenants.name })
        .from(tenants)
        .where(eq(tenants.id, sql.placeholder("id")))
        .prepare("test_tenant_name_by_id"),
    );
    const nameOf = preparedOnce(build);
    const [a, b] = [await createTenant(db), await createTenant(db)];
    expect(await nameOf(db).execute({ id: a.id })).toEqual([{ name: a.name }]);
    expect(await nameOf(db).execute({ id: b.id })).toEqual([{ name: b.name }]);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("runs inside a transaction on that transaction: it sees its rows, and nothing once it rolls back", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const user = await createUser(db);
    const rolledBack = new Error("roll back");
    await expect(
      db.transaction(async (tx) => {
        await tx.update(tenants).set({ status: "deleted" }).where(eq(tenants.id, tenant.id));
        await grantAccess(tx, user.id, tenant.id, "write");
        expect(await findTenantByName(tx, tenant.name)).toBeNull();
        expect((await loadActor(tx, user)).grants.get(tenant.id)).toBe("write");
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect((await findTenantByName(db, tenant.name))?.id).toBe(tenant.id);
    expect((await loadActor(db, user)).grants.size).toBe(0);
  });
});
