import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { tenantGrants } from "@/db/schema";
import { loadActor, loadUserWithActor } from "@/lib/context/actor";
import { createTenant, createUser, grantAccess } from "./helpers/factory";
import { testDatabases, useDatabase } from "./helpers/databases";

describe.each(testDatabases())("a session's user and live grants in one statement, on $kind", (target) => {
  const database = useDatabase(target);

  it("gives the user and the same grants as loading them apart: live ones, strongest level per tenant", async () => {
    const { db } = database();
    const user = await createUser(db);
    const read = await createTenant(db);
    const write = await createTenant(db);
    const expired = await createTenant(db);
    const both = await createTenant(db);
    await grantAccess(db, user.id, read.id, "read");
    await grantAccess(db, user.id, write.id, "write", new Date(Date.now() + 3_600_000));
    await grantAccess(db, user.id, expired.id, "write", new Date(Date.now() - 1_000));
    await grantAccess(db, user.id, both.id, "read");
    await db.insert(tenantGrants).values({ userId: user.id, tenantId: both.id, level: "write", source: "group:ops" });

    const found = await loadUserWithActor(db, user.id);
    expect(found?.user).toEqual(user);
    expect(Object.fromEntries(found!.actor.grants)).toEqual({
      [read.id]: "read",
      [write.id]: "write",
      [both.id]: "write",
    });
    expect(found!.actor).toEqual(await loadActor(db, user));
  });

  it("gives a user without grants an empty set, and nothing for an id that names no user", async () => {
    const { db } = database();
    const user = await createUser(db);
    expect((await loadUserWithActor(db, user.id))?.actor.grants.size).toBe(0);
    expect(await loadUserWithActor(db, randomUUID())).toBeNull();
  });
});
