import { and, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem, passwordSchema } from "@/lib/auth/password-policy";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { userIdField } from "./fields";

export const resetUserPasswordInput = z.object({ userId: userIdField, password: passwordSchema });

/**
 * Replaces a local account's password and signs the user out everywhere. An account without a
 * password signs in through SSO: giving it one would open a way in that bypasses the identity provider.
 */
export async function resetUserPassword(
  ctx: ServiceContext,
  input: z.infer<typeof resetUserPasswordInput>,
): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw new NotFoundError("That user does not exist.");
  if (!user.passwordHash)
    throw new InvalidInputError("This account signs in through SSO and has no password to reset.");
  const problem = passwordProblem(input.password, user.email);
  if (problem) throw new InvalidInputError(problem);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, user.id), isNotNull(users.passwordHash)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new NotFoundError("That user does not exist.");
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "user.password_reset",
      target: user.email,
      details: { userId: user.id },
      ip: ctx.ip,
    });
  });
}
