import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/context/actor";
import { checkAccess } from "@/lib/auth/check-access";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser, grantAccess } from "./helpers/factory";

describe.each(testDatabases())("checkAccess on $kind", (target) => {
  const database = useDatabase(target);

  it("answers a foreign tenant exactly like a missing one", async () => {
    const { db } = database();
    const [mine, theirs, user] = await Promise.all([createTenant(db), createTenant(db), createUser(db)]);
    await grantAccess(db, user.id, mine.id, "read");
    const actor = await loadActor(db, user);

    expect(await checkAccess(db, actor, "tenant:read", mine.name)).toMatchObject({
      allowed: true,
      tenant: { id: mine.id },
    });
    const foreign = await checkAccess(db, actor, "tenant:read", theirs.name);
    const missing = await checkAccess(db, actor, "tenant:read", "no-such-tenant");
    expect(foreign).toEqual({ allowed: false, reason: "not_found" });
    expect(missing).toEqual(foreign);
    expect(await checkAccess(db, actor, "tenant:write", theirs.name)).toEqual(foreign);
    // Her own tenant is no secret to her: a write she may not make is read-only, not missing.
    expect(await checkAccess(db, actor, "tenant:write", mine.name)).toMatchObject({
      allowed: false,
      reason: "read_only",
      tenant: { id: mine.id },
    });
    expect(await checkAccess(db, actor, "tenant:read")).toEqual(foreign);
  });

  it("lets an auditor read every tenant and change none, and sends the anonymous to sign in", async () => {
    const { db } = database();
    const [tenant, auditor] = await Promise.all([createTenant(db), createUser(db, { role: "auditor" })]);
    const actor = await loadActor(db, auditor);
    expect((await checkAccess(db, actor, "tenant:read", tenant.name)).allowed).toBe(true);
    expect((await checkAccess(db, actor, "admin:read")).allowed).toBe(true);
    expect(await checkAccess(db, actor, "tenant:write", tenant.name)).toMatchObject({
      allowed: false,
      reason: "read_only",
    });
    expect(await checkAccess(db, actor, "admin:write")).toEqual({ allowed: false, reason: "not_found" });
    expect(await checkAccess(db, null, "signed-in")).toEqual({ allowed: false, reason: "unauthenticated" });
    expect((await checkAccess(db, null, "public")).allowed).toBe(true);
  });

  it("ignores a deleted tenant even for an admin", async () => {
    const { db } = database();
    const [tenant, admin] = await Promise.all([
      createTenant(db, { status: "deleted" }),
      createUser(db, { role: "admin" }),
    ]);
    expect(await checkAccess(db, await loadActor(db, admin), "tenant:read", tenant.name)).toEqual({
      allowed: false,
      reason: "not_found",
    });
  });
});
