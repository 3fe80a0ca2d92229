import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { passwordSchema, refineEmailName } from "@/lib/auth/password-policy";
import { emailField, nameField } from "./fields";

export const bootstrapAdminInput = z
  .object({ email: emailField, name: nameField.optional(), password: passwordSchema })
  .superRefine(refineEmailName);
export type BootstrapAdminInput = z.infer<typeof bootstrapAdminInput>;

export type BootstrapAdminResult = { outcome: "created" | "promoted"; userId: string; passwordSet: boolean };

/** Long enough to pass the password policy, short enough to type once before changing it on /account. */
export function generateOneTimePassword(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * The first admin of an install without the demo, or a lost admin's way back in: creates a local
 * admin, or promotes the user with that email. An SSO-only account is promoted without a password,
 * since a password would open a way in that bypasses the identity provider.
 */
export async function bootstrapAdmin(db: Db, input: BootstrapAdminInput): Promise<BootstrapAdminResult> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, input.email));
    if (!existing) {
      const name = input.name ?? input.email.split("@")[0]!;
      const [user] = await tx
        .insert(users)
        .values({ email: input.email, name, role: "admin", roleSource: "direct", passwordHash })
        .returning({ id: users.id });
      await recordAudit(tx, {
        actorId: null,
        action: "user.create",
        target: input.email,
        details: { userId: user!.id, name, role: "admin", via: "admin:create" },
      });
      return { outcome: "created", userId: user!.id, passwordSet: true };
    }
    const local = existing.passwordHash !== null;
    await tx
      .update(users)
      .set({
        role: "admin",
        roleSource: "direct",
        status: "active",
        ...(input.name && { name: input.name }),
        ...(local && { passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` }),
      })
      .where(eq(users.id, existing.id));
    await recordAudit(tx, {
      actorId: null,
      action: "user.role",
      target: input.email,
      details: { userId: existing.id, from: existing.role, to: "admin", passwordReset: local, via: "admin:create" },
    });
    return { outcome: "promoted", userId: existing.id, passwordSet: local };
  });
}
