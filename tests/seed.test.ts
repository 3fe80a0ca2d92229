import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, infrastructures, tenantGrants, tenants, users } from "@/db/schema";
import { demoAccounts, demoTenants } from "@/lib/demo/demo-accounts";
import { seedDemo } from "@/lib/demo/seed-demo";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { testDatabases, useDatabase } from "./helpers/databases";

const demoEmails = demoAccounts.map((a) => a.email);

/** The demo grants as "email tenant level" lines, the demo password hashes, and how many demo rows exist. */
async function demoState(db: Db) {
  const grants = await db
    .select({ email: users.email, tenant: tenants.name, level: tenantGrants.level })
    .from(tenantGrants)
    .innerJoin(users, eq(users.id, tenantGrants.userId))
    .innerJoin(tenants, eq(tenants.id, tenantGrants.tenantId))
    .where(and(inArray(users.email, demoEmails), inArray(tenants.name, [...demoTenants])));
  const [infra] = await db.select({ n: count() }).from(infrastructures).where(eq(infrastructures.name, "local"));
  const [tenantCount] = await db
    .select({ n: count() })
    .from(tenants)
    .where(inArray(tenants.name, [...demoTenants]));
  const [userCount] = await db.select({ n: count() }).from(users).where(inArray(users.email, demoEmails));
  const [seedEvents] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, "demo.seed"));
  const hashes = await db
    .select({ email: users.email, hash: users.passwordHash })
    .from(users)
    .where(inArray(users.email, demoEmails));
  return {
    grants: grants.map((g) => `${g.email} ${g.tenant} ${g.level}`).sort(),
    hashes: Object.fromEntries(hashes.map((h) => [h.email, h.hash])),
    counts: { infrastructures: infra!.n, tenants: tenantCount!.n, users: userCount!.n, seedEvents: seedEvents!.n },
  };
}

const expectedGrants = demoAccounts
  .flatMap((a) =>
    Object.entries(a.grants as Record<string, string>).map(([tenant, level]) => `${a.email} ${tenant} ${level}`),
  )
  .sort();

describe.each(testDatabases())("seedDemo on $kind", (target) => {
  const database = useDatabase(target);

  it("creates the local infrastructure, the demo tenants, the accounts and their grants", async () => {
    const { db, kind } = database();
    const first = await seedDemo(db);
    // Only the in-memory PGlite is known to start empty; the shared PostgreSQL may be seeded already.
    if (kind === "pglite") expect(first.created).toBe(true);
    const state = await demoState(db);
    expect(state.counts).toMatchObject({ infrastructures: 1, tenants: 3, users: demoAccounts.length });
    expect(state.grants).toEqual(expectedGrants);
    const accounts = await db.select().from(users).where(inArray(users.email, demoEmails));
    for (const account of demoAccounts) {
      const row = accounts.find((u) => u.email === account.email)!;
      expect(row.role).toBe(account.role);
      expect(await verifyPassword(row.passwordHash!, account.password)).toBe(true);
    }
  });

  it("creates nothing new when run again and leaves existing password hashes alone", async () => {
    const { db } = database();
    await seedDemo(db);
    const before = await demoState(db);

    expect(await seedDemo(db)).toEqual({ created: false });

    // Each run hashes with a fresh salt, so an overwritten password would show up as a new hash.
    expect(await demoState(db)).toEqual(before);
  });

  // Only on the private PGlite: changing a demo password on the shared PostgreSQL races other runs.
  if (target.kind === "pglite")
    it("keeps a password that was changed after the first run", async () => {
      const { db } = database();
      await seedDemo(db);
      const admin = demoAccounts[0];
      await db
        .update(users)
        .set({ passwordHash: await hashPassword("changed-by-the-admin") })
        .where(eq(users.email, admin.email));

      await seedDemo(db);

      const [row] = await db.select().from(users).where(eq(users.email, admin.email));
      expect(await verifyPassword(row!.passwordHash!, "changed-by-the-admin")).toBe(true);
      expect(await verifyPassword(row!.passwordHash!, admin.password)).toBe(false);
    });
});
