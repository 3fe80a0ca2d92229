import { and, desc, eq, ne, sql } from "drizzle-orm";
import { operations, tenants } from "@/db/schema";
import type { ServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { startTenantOperation } from "@/lib/provisioning/operations";
import type { RetryTenantProvisioningInput } from "./tenant-lifecycle-input";

/**
 * Provisions a failed tenant again with a new operation; every step is idempotent, so what the
 * failed run created is adopted rather than duplicated. The caller enqueues after commit.
 */
export async function retryTenantProvisioning(ctx: ServiceContext, input: RetryTenantProvisioningInput) {
  return ctx.db.transaction(async (tx) => {
    const [tenant] = await tx
      .select()
      .from(tenants)
      .where(and(eq(tenants.name, input.tenant), ne(tenants.status, "deleted")))
      .for("update");
    if (!tenant) throw new NotFoundError("That tenant does not exist.");
    if (tenant.status !== "failed")
      throw new ConflictError(`Only a failed tenant can be retried; ${tenant.name} is ${tenant.status}.`);
    const [last] = await tx
      .select({ id: operations.id, kind: operations.kind, template: operations.template })
      .from(operations)
      .where(eq(operations.tenantId, tenant.id))
      .orderBy(desc(operations.createdAt))
      .limit(1);
    if (last?.kind !== "provision")
      throw new ConflictError(
        `The last operation on ${tenant.name} was not a provisioning; delete the tenant again instead.`,
      );
    await tx
      .update(tenants)
      .set({ status: "provisioning", statusMessage: null, updatedAt: sql`now()` })
      .where(eq(tenants.id, tenant.id));
    const operationId = await startTenantOperation(tx, tenant.id, "provision");
    // A tenant made from a template tries its resources and rows again too.
    if (last.template)
      await tx.update(operations).set({ template: last.template }).where(eq(operations.id, operationId));
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "tenant.provision_retry",
      tenantId: tenant.id,
      target: tenant.name,
      details: { operationId, failedOperationId: last.id, error: tenant.statusMessage },
      ip: ctx.ip,
    });
    return { name: tenant.name, operationId };
  });
}
