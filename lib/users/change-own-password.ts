import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem, passwordSchema } from "@/lib/auth/password-policy";
import { recordSignInAttempt, signInPauseSeconds } from "@/lib/auth/throttle";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";

export const changeOwnPasswordInput = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, { error: "Enter your current password." })
    .max(1024, { error: "That password is too long." }),
  newPassword: passwordSchema,
});

/**
 * Keeps sessionVersion as it is: the session token holds only that version, so bumping it would
 * also sign out the very session that just proved the current password. If the old password
 * leaked, an administrator can sign the user out everywhere.
 */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: z.infer<typeof changeOwnPasswordInput>,
): Promise<void> {
  const { db, actor } = ctx;
  // Wrong current passwords count as failed sign-ins, so a stolen session cannot guess at leisure.
  const pause = await signInPauseSeconds(db, actor.email);
  if (pause > 0) throw new InvalidInputError(`Too many wrong passwords. Try again in ${pause} seconds.`);
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user) throw new NotFoundError("Your account no longer exists.");
  const currentHash = user.passwordHash;
  if (!currentHash)
    throw new InvalidInputError("Your account signs in through SSO; change your password with your identity provider.");
  if (!(await verifyPassword(currentHash, input.currentPassword))) {
    await recordSignInAttempt(db, actor.email, false, ctx.ip);
    throw new InvalidInputError("Your current password is not correct.");
  }
  const problem = passwordProblem(input.newPassword, user.email);
  if (problem) throw new InvalidInputError(problem);
  if (input.newPassword === input.currentPassword)
    throw new InvalidInputError("Choose a new password that differs from the current one.");
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, currentHash)))
      .returning({ id: users.id });
    if (updated.length === 0)
      throw new ConflictError("Your password was changed elsewhere just now. Reload the page and try again.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "account.password",
      target: user.email,
      details: {},
      ip: ctx.ip,
    });
  });
}
