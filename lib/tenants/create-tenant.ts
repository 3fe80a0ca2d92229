import { eq } from "drizzle-orm";
import { infrastructures, tenants } from "@/db/schema";
import type { ServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isUniqueViolation } from "@/db/errors";
import { startTenantOperation } from "@/lib/provisioning/operations";
import type { CreateTenantInput } from "./tenant-input";

/** Records the tenant as provisioning with its operation, in one transaction; the caller enqueues after commit. */
export async function createTenant(ctx: ServiceContext, input: CreateTenantInput) {
  return ctx.db.transaction(async (tx) => {
    const [infrastructure] = await tx
      .select()
      .from(infrastructures)
      .where(eq(infrastructures.id, input.infrastructureId));
    if (!infrastructure) throw new NotFoundError("That infrastructure does not exist.");
    let tenant;
    try {
      [tenant] = await tx
        .insert(tenants)
        .values({
          name: input.name,
          infrastructureId: infrastructure.id,
          status: "provisioning",
          quota: input.quota ?? null,
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
          deletionProtection: input.deletionProtection,
        })
        .returning();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`A tenant named ${input.name} already exists.`);
      throw error;
    }
    const operationId = await startTenantOperation(tx, tenant!.id, "provision");
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "tenant.create",
      tenantId: tenant!.id,
      target: tenant!.name,
      details: {
        infrastructure: infrastructure.name,
        quota: input.quota ?? null,
        expiresAt: input.expiresAt ?? null,
        deletionProtection: input.deletionProtection,
      },
      ip: ctx.ip,
    });
    return { tenantId: tenant!.id, name: tenant!.name, operationId };
  });
}
