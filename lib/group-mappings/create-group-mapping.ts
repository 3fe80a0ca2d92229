import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { ssoGroupMappings, tenants } from "@/db/schema";
import type { ServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { ConflictError, NotFoundError } from "@/lib/errors";

const group = z
  .string({ error: "Enter the group's name as the identity provider sends it." })
  .trim()
  .min(1, { error: "Enter the group's name as the identity provider sends it." })
  .max(200, { error: "A group name has at most 200 characters." });

export const createGroupMappingInput = z.discriminatedUnion(
  "target",
  [
    z.object({
      group,
      target: z.literal("role"),
      role: z.enum(["admin", "auditor"], { error: "Choose the admin or the auditor role." }),
    }),
    z.object({
      group,
      target: z.literal("tenant"),
      tenantId: z.uuid({ error: "Choose a tenant." }),
      level: z.enum(["read", "write"], { error: "Choose read or write access." }),
    }),
  ],
  { error: "Choose what the group gives: a role, or access to a tenant." },
);
export type CreateGroupMappingInput = z.input<typeof createGroupMappingInput>;

/** Maps an IdP group to a role or a tenant grant; members get it at their next SSO sign-in. */
export async function createGroupMapping(ctx: ServiceContext, input: z.infer<typeof createGroupMappingInput>) {
  return ctx.db.transaction(async (tx) => {
    const tenant = input.target === "tenant" ? await findLiveTenant(tx, input.tenantId) : null;
    const role = input.target === "role" ? input.role : null;
    const level = input.target === "tenant" ? input.level : null;
    const [existing] = await tx
      .select({ level: ssoGroupMappings.level })
      .from(ssoGroupMappings)
      .where(
        and(
          eq(ssoGroupMappings.group, input.group),
          role ? eq(ssoGroupMappings.role, role) : isNull(ssoGroupMappings.role),
          tenant ? eq(ssoGroupMappings.tenantId, tenant.id) : isNull(ssoGroupMappings.tenantId),
        ),
      );
    if (existing) {
      throw new ConflictError(
        tenant
          ? `The group "${input.group}" already gives ${existing.level} access to ${tenant.name}. Delete that mapping first to change the level.`
          : `The group "${input.group}" already gives the ${role} role.`,
      );
    }
    const [mapping] = await tx
      .insert(ssoGroupMappings)
      .values({ group: input.group, role, tenantId: tenant?.id ?? null, level })
      .onConflictDoNothing()
      .returning({ id: ssoGroupMappings.id });
    if (!mapping) throw new ConflictError(`The group "${input.group}" was just mapped to that by someone else.`);
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "group_mapping.create",
      tenantId: tenant?.id ?? null,
      target: input.group,
      details: tenant ? { tenant: tenant.name, level } : { role },
      ip: ctx.ip,
    });
    return { id: mapping.id };
  });
}

async function findLiveTenant(tx: Db, id: string) {
  const [tenant] = await tx
    .select({ id: tenants.id, name: tenants.name, status: tenants.status })
    .from(tenants)
    .where(eq(tenants.id, id));
  if (!tenant || tenant.status === "deleted") throw new NotFoundError("That tenant does not exist.");
  return tenant;
}
