import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import type { ServiceContext } from "@/lib/context/service-context";
import { roleField, userIdField } from "./fields";
import { assertAnotherActiveAdmin, lockUser } from "./lock-user";

export const setUserRoleInput = z.object({ userId: userIdField, role: roleField });

/** Sets the role by hand; it then stays until an admin changes it, whatever the user's SSO groups say. */
export async function setUserRole(ctx: ServiceContext, input: z.infer<typeof setUserRoleInput>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (user.role === input.role && user.roleSource === "direct") return;
    if (input.role !== "admin") {
      await assertAnotherActiveAdmin(
        tx,
        user,
        user.id === ctx.actor.id
          ? "You are the last active administrator. Make someone else an administrator before changing your own role."
          : `${user.email} is the last active administrator. Make someone else an administrator first.`,
      );
    }
    await tx.update(users).set({ role: input.role, roleSource: "direct" }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "user.role",
      target: user.email,
      details: { userId: user.id, from: user.role, to: input.role, previousSource: user.roleSource },
      ip: ctx.ip,
    });
  });
}
