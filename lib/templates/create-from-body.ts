import { eq } from "drizzle-orm";
import { infrastructures, operations, type TemplateRun } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { driverFor } from "@/lib/cloud";
import type { ServiceContext } from "@/lib/context/service-context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createTenant } from "@/lib/tenants/create-tenant";
import { unfitResources } from "./resource-fit";
import type { TemplateBody } from "./template-body";
import { toTemplateRun } from "./template-run";

/**
 * Records a new tenant and its one provision operation, which carries the body: the engine makes the
 * tenant's constructs, then its resources, then its rows. Refused, changing nothing, when the
 * infrastructure cannot hold a resource of the body.
 */
export async function createTenantFromBody(
  ctx: ServiceContext,
  input: { name: string; infrastructureId: string; body: TemplateBody; origin: TemplateRun["origin"] },
) {
  const { body, origin } = input;
  const [infrastructure] = await ctx.db
    .select()
    .from(infrastructures)
    .where(eq(infrastructures.id, input.infrastructureId));
  if (!infrastructure) throw new NotFoundError("That infrastructure does not exist.");
  const refused = unfitResources(await driverFor(ctx.db, infrastructure), body.resources);
  if (refused)
    throw new ConflictError(
      `${infrastructure.name} (${infrastructure.driver}) cannot hold ${refused}; choose an infrastructure that can, or remove them from the template.`,
    );
  const expiresAt = body.expiresAfterDays ? new Date(Date.now() + body.expiresAfterDays * 86_400_000) : null;
  return ctx.db.transaction(async (tx) => {
    const created = await createTenant(
      { ...ctx, db: tx },
      {
        name: input.name,
        infrastructureId: infrastructure.id,
        quota: body.quota ?? null,
        expiresAt: expiresAt?.toISOString() ?? null,
        deletionProtection: body.deletionProtection,
      },
    );
    const { config } = infrastructure;
    const run = toTemplateRun(created.name, body, origin, "hostImageId" in config ? config.hostImageId : undefined);
    await tx.update(operations).set({ template: run }).where(eq(operations.id, created.operationId));
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "template" in origin ? "template.used" : "tenant.cloned",
      tenantId: created.tenantId,
      target: created.name,
      details: { ...origin, resources: body.resources.map((r) => `${r.kind} ${r.name}`) },
      ip: ctx.ip,
    });
    return created;
  });
}
