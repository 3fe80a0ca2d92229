import { z } from "zod";
import { users } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { passwordSchema, refineEmailName } from "@/lib/auth/password-policy";
import { ConflictError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { emailField, nameField, roleField } from "./fields";

export const createLocalUserInput = z
  .object({ email: emailField, name: nameField, role: roleField, password: passwordSchema })
  .superRefine(refineEmailName);
export type CreateLocalUserInput = z.infer<typeof createLocalUserInput>;

/** A user who signs in with an email and a password the admin chose; returns the new id. */
export async function createLocalUser(ctx: ServiceContext, input: CreateLocalUserInput): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, roleSource: "direct", passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) throw new ConflictError(`A user with the email ${input.email} already exists.`);
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "user.create",
      target: input.email,
      details: { userId: user.id, name: input.name, role: input.role },
      ip: ctx.ip,
    });
    return { id: user.id };
  });
}
