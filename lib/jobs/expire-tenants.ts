import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { startTenantOperation } from "@/lib/provisioning/operations";
import { ConflictError } from "@/lib/errors";

/**
 * Starts the deletion of every tenant whose expiry has passed. An expiry is an explicit end date,
 * so it applies even with deletion protection on. Several workers may sweep at once: the
 * one-unfinished-operation index lets only one of them start each deletion.
 */
export async function expireDueTenants(
  db: Db,
  enqueue: (operationId: string) => Promise<void>,
  now = new Date(),
): Promise<string[]> {
  const due = await db
    .select({ id: tenants.id, name: tenants.name })
    .from(tenants)
    .where(and(lte(tenants.expiresAt, now), inArray(tenants.status, ["ready", "failed"])));
  const started: string[] = [];
  for (const tenant of due) {
    try {
      const operationId = await db.transaction(async (tx) => {
        const id = await startTenantOperation(tx, tenant.id, "delete");
        await tx
          .update(tenants)
          .set({ status: "deleting", updatedAt: sql`now()` })
          .where(eq(tenants.id, tenant.id));
        await recordAudit(tx, { actorId: null, action: "tenant.expired", tenantId: tenant.id, target: tenant.name });
        return id;
      });
      await enqueue(operationId);
      started.push(tenant.name);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return started;
}
