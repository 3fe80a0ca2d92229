import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { tenantRef } from "@/lib/context/tenant-ref";
import { favoriteTenants } from "@/db/schema";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";

export const tenantFavoriteInput = z.object({
  tenant: tenantRef,
  favorite: z.boolean({ error: "Say whether the tenant is a favourite." }),
});

/** Stars or unstars a tenant the actor may read; audited only when it changed something. */
export async function setTenantFavorite(ctx: TenantServiceContext<"id" | "name">, favorite: boolean) {
  const { tenant } = ctx;
  return ctx.db.transaction(async (tx) => {
    const key = and(eq(favoriteTenants.userId, ctx.actor.id), eq(favoriteTenants.tenantId, tenant.id));
    const changed = favorite
      ? await tx
          .insert(favoriteTenants)
          .values({ userId: ctx.actor.id, tenantId: tenant.id })
          .onConflictDoNothing()
          .returning({ at: favoriteTenants.createdAt })
      : await tx.delete(favoriteTenants).where(key).returning({ at: favoriteTenants.createdAt });
    if (changed.length > 0) {
      await recordAudit(tx, {
        ...auditActor(ctx.actor),
        action: favorite ? "tenant.favorite" : "tenant.unfavorite",
        tenantId: tenant.id,
        target: tenant.name,
        ip: ctx.ip,
      });
    }
    return { favorite };
  });
}
