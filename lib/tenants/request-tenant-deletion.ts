import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { operations, tenants } from "@/db/schema";
import type { ServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { startTenantOperation } from "@/lib/provisioning/operations";
import type { RequestTenantDeletionInput } from "./tenant-lifecycle-input";

export type DeletionRequest = { name: string; operationId: string | null; alreadyDeleting: boolean };

/**
 * Marks the tenant as deleting and records its delete operation; the caller enqueues it after
 * commit. Asking again while it is being deleted is answered as done, with the operation under
 * way, so that a lost enqueue can be repeated.
 */
export async function requestTenantDeletion(
  ctx: ServiceContext,
  input: RequestTenantDeletionInput,
): Promise<DeletionRequest> {
  return ctx.db.transaction(async (tx) => {
    const [tenant] = await tx
      .select()
      .from(tenants)
      .where(and(eq(tenants.name, input.tenant), ne(tenants.status, "deleted")))
      .for("update");
    if (!tenant) throw new NotFoundError("That tenant does not exist.");
    if (tenant.status === "deleting") {
      const [active] = await tx
        .select({ id: operations.id })
        .from(operations)
        .where(
          and(
            eq(operations.tenantId, tenant.id),
            eq(operations.kind, "delete"),
            inArray(operations.state, ["pending", "running"]),
          ),
        )
        .orderBy(desc(operations.createdAt))
        .limit(1);
      return { name: tenant.name, operationId: active?.id ?? null, alreadyDeleting: true };
    }
    if (tenant.deletionProtection) throw new ConflictError("Turn off deletion protection first.");
    if (input.confirmName !== tenant.name) throw new InvalidInputError("Type the tenant name to confirm.");
    const previousStatus = tenant.status;
    await tx
      .update(tenants)
      .set({ status: "deleting", statusMessage: null, updatedAt: sql`now()` })
      .where(eq(tenants.id, tenant.id));
    const operationId = await startTenantOperation(tx, tenant.id, "delete");
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "tenant.delete_requested",
      tenantId: tenant.id,
      target: tenant.name,
      details: { operationId, previousStatus },
      ip: ctx.ip,
    });
    return { name: tenant.name, operationId, alreadyDeleting: false };
  });
}
