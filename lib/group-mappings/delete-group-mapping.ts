import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { ssoGroupMappings, tenantGrants, tenants } from "@/db/schema";
import type { ServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";

export const deleteGroupMappingInput = z.object({ id: z.uuid({ error: "Choose a mapping to delete." }) });
export type DeleteGroupMappingInput = z.input<typeof deleteGroupMappingInput>;

/**
 * Deletes a mapping. The tenant grants it gave go with it, at once, rather than at each member's
 * next sign-in; a role it gave is re-evaluated at the member's next SSO sign-in.
 */
export async function deleteGroupMapping(ctx: ServiceContext, input: z.infer<typeof deleteGroupMappingInput>) {
  return ctx.db.transaction(async (tx) => {
    const [mapping] = await tx.delete(ssoGroupMappings).where(eq(ssoGroupMappings.id, input.id)).returning();
    if (!mapping) throw new NotFoundError("That mapping does not exist any more. Reload the page.");
    let tenant: string | null = null;
    let grantsRemoved = 0;
    if (mapping.tenantId) {
      const [row] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, mapping.tenantId));
      tenant = row?.name ?? null;
      const removed = await tx
        .delete(tenantGrants)
        .where(and(eq(tenantGrants.tenantId, mapping.tenantId), eq(tenantGrants.source, `group:${mapping.group}`)))
        .returning({ id: tenantGrants.id });
      grantsRemoved = removed.length;
    }
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "group_mapping.delete",
      tenantId: mapping.tenantId,
      target: mapping.group,
      details: mapping.tenantId ? { tenant, level: mapping.level, grantsRemoved } : { role: mapping.role },
      ip: ctx.ip,
    });
  });
}
