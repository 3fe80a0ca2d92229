import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { tenantRef } from "@/lib/context/tenant-ref";
import { tenantGrants, tenants, users } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import type { ServiceContext } from "@/lib/context/service-context";
import { NotFoundError } from "@/lib/errors";

export const grantInput = z.object({
  tenant: tenantRef,
  userId: z.uuid("Choose a user."),
  level: z.enum(["read", "write"], { error: "Choose read or write." }),
  expiresAt: z.iso
    .datetime({ offset: true, error: "Give the expiry as a date and time." })
    .nullish()
    .refine((v) => !v || new Date(v) > new Date(), "The expiry must be in the future."),
});
export type GrantInput = z.infer<typeof grantInput>;

/** Grants (or changes) a user's direct access to a tenant; group-given grants are left to sign-in. */
export async function grantTenantAccess(ctx: ServiceContext, input: GrantInput) {
  return ctx.db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.name, input.tenant));
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (!tenant || tenant.status === "deleted") throw new NotFoundError("That tenant does not exist.");
    if (!user) throw new NotFoundError("That user does not exist.");
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    await tx
      .insert(tenantGrants)
      .values({ tenantId: tenant.id, userId: user.id, level: input.level, expiresAt, source: "direct" })
      .onConflictDoUpdate({
        target: [tenantGrants.tenantId, tenantGrants.userId, tenantGrants.source],
        set: { level: input.level, expiresAt },
      });
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "grant.set",
      tenantId: tenant.id,
      target: user.email,
      details: { level: input.level, expiresAt: expiresAt?.toISOString() ?? null },
      ip: ctx.ip,
    });
  });
}

export const revokeInput = z.object({ tenant: tenantRef, userId: z.uuid("Choose a user.") });

/** Removes the user's direct grant; answers not-found when there was none, and audits only a removal. */
export async function revokeTenantAccess(ctx: ServiceContext, input: z.infer<typeof revokeInput>) {
  return ctx.db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.name, input.tenant));
    if (!tenant) throw new NotFoundError("That tenant does not exist.");
    const removed = await tx
      .delete(tenantGrants)
      .where(
        and(
          eq(tenantGrants.tenantId, tenant.id),
          eq(tenantGrants.userId, input.userId),
          eq(tenantGrants.source, "direct"),
        ),
      )
      .returning({ level: tenantGrants.level });
    if (removed.length === 0) throw new NotFoundError("That user has no direct grant on this tenant.");
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "grant.revoke",
      tenantId: tenant.id,
      target: user?.email ?? input.userId,
      details: { level: removed[0]!.level },
      ip: ctx.ip,
    });
  });
}
