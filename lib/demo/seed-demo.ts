import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, tenantGrants, tenants, users, type GrantLevel } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { startTenantOperation } from "@/lib/provisioning/operations";
import { addDemoFleet } from "@/lib/resources/demo-fleet";
import { demoAccounts, demoTenants } from "./demo-accounts";

// The demo fleet "has been running" this long: enough for months of costs on the billing pages.
const demoHistoryDays = 100;

/** Idempotent: what already exists is left as it is, so a re-run never resets a changed password. */
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const hashes = await Promise.all(demoAccounts.map((a) => hashPassword(a.password)));
  // The demo tenants were made first, then their fleets deployed: nothing predates its tenant.
  const createdAt = new Date(Date.now() - demoHistoryDays * 86_400_000);
  const deployedAt = new Date(createdAt.getTime() + 3_600_000);
  return db.transaction(async (tx) => {
    const [infra] = await tx
      .insert(infrastructures)
      .values({ name: "local", driver: "local", region: "local", config: { latencyMs: 100 } })
      .onConflictDoNothing()
      .returning();
    const created = infra !== undefined;
    const [local] = await tx.select().from(infrastructures).where(eq(infrastructures.name, "local"));
    const newTenants = await tx
      .insert(tenants)
      .values(
        demoTenants.map((name) => ({
          name,
          infrastructureId: local!.id,
          status: "provisioning" as const,
          deletionProtection: name === "prod",
          createdAt,
        })),
      )
      .onConflictDoNothing()
      .returning();
    for (const t of newTenants) {
      // Provisioned by the job engine once the portal starts, like any other tenant.
      await startTenantOperation(tx, t.id, "provision");
      // As if its team had already deployed: services, a database host and a bucket to look at.
      await addDemoFleet(tx, local!.id, t.name, deployedAt);
      await recordAudit(tx, {
        actorId: null,
        action: "tenant.create",
        tenantId: t.id,
        target: t.name,
        details: { demo: true },
      });
    }
    await tx
      .insert(users)
      .values(demoAccounts.map((a, i) => ({ email: a.email, name: a.name, role: a.role, passwordHash: hashes[i] })))
      .onConflictDoNothing();
    const tenantRows = await tx
      .select()
      .from(tenants)
      .where(inArray(tenants.name, [...demoTenants]));
    const userRows = await tx
      .select()
      .from(users)
      .where(
        inArray(
          users.email,
          demoAccounts.map((a) => a.email),
        ),
      );
    const tenantId = new Map(tenantRows.map((t) => [t.name, t.id]));
    const grants = demoAccounts.flatMap((a) => {
      const userId = userRows.find((u) => u.email === a.email)!.id;
      return Object.entries(a.grants as Record<string, GrantLevel>).map(([tenant, level]) => ({
        tenantId: tenantId.get(tenant)!,
        userId,
        level,
      }));
    });
    if (grants.length) await tx.insert(tenantGrants).values(grants).onConflictDoNothing();
    if (created)
      await recordAudit(tx, {
        actorId: null,
        action: "demo.seed",
        details: { tenants: demoTenants, users: demoAccounts.length },
      });
    return { created };
  });
}
