import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { InvalidInputError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { statusField, userIdField } from "./fields";
import { assertAnotherActiveAdmin, lockUser } from "./lock-user";

export const setUserStatusInput = z.object({ userId: userIdField, status: statusField });

/** Disables or enables an account; disabling also ends every session the user has, at their next request. */
export async function setUserStatus(ctx: ServiceContext, input: z.infer<typeof setUserStatusInput>): Promise<void> {
  const disabling = input.status === "disabled";
  if (disabling && input.userId === ctx.actor.id) throw new InvalidInputError("You cannot disable your own account.");
  await ctx.db.transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    if (user.status === input.status) return;
    if (disabling)
      await assertAnotherActiveAdmin(
        tx,
        user,
        `${user.email} is the last active administrator and cannot be disabled.`,
      );
    await tx
      .update(users)
      .set(
        disabling
          ? { status: input.status, sessionVersion: sql`${users.sessionVersion} + 1` }
          : { status: input.status },
      )
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: disabling ? "user.disable" : "user.enable",
      target: user.email,
      details: { userId: user.id },
      ip: ctx.ip,
    });
  });
}
