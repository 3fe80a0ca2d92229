import { eq } from "drizzle-orm";
import { openDatabase, type DatabaseTarget } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { infrastructures, tenants, users } from "../db/schema";
import { loadActor } from "../lib/context/actor";
import { createTenant } from "../lib/tenants/create-tenant";

/** A migrated database with an infrastructure of the local cloud at latencyMs and an admin; cleanup() leaves no bench rows behind. */
export async function openProvisionFixture(target: DatabaseTarget, run: string, latencyMs: number) {
  const database = await openDatabase(target);
  await migrateDatabase(database);
  const { db } = database;
  const [infra] = await db
    .insert(infrastructures)
    .values({ name: `bench-${run}`, config: { latencyMs } })
    .returning();
  const [user] = await db
    .insert(users)
    .values({ email: `bench-${run}@bench.local`, name: "Bench", role: "admin" })
    .returning();
  const actor = await loadActor(db, user!);
  return {
    database,
    db,
    infrastructureId: infra!.id,
    /** Creates count tenants (their operations pending) and answers their operation ids. */
    async createTenants(count: number, label: string): Promise<string[]> {
      const ops: string[] = [];
      for (let i = 0; i < count; i++) {
        const input = {
          name: `${run}-${label}-${i}`,
          infrastructureId: infra!.id,
          quota: { pods: 10 },
          deletionProtection: false,
        };
        ops.push((await createTenant({ db, actor, ip: null }, input)).operationId);
      }
      return ops;
    },
    async cleanup() {
      // Leave no benchmark tenants behind in a shared database.
      await db.delete(tenants).where(eq(tenants.infrastructureId, infra!.id));
      await db.delete(infrastructures).where(eq(infrastructures.id, infra!.id));
      await db.delete(users).where(eq(users.id, user!.id));
      await database.close();
    },
  };
}
