import { like } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { escapeLike } from "@/db/escape-like";
import { users } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import type { ServiceContext } from "@/lib/context/service-context";
import { ConflictError } from "@/lib/errors";
import { nameField, roleField } from "@/lib/users/fields";

/** Service accounts get an address here: unique like every user's email, and plainly no person's. */
export const serviceAccountDomain = "service-accounts.enclave.internal";

export const createServiceAccountInput = z.object({ name: nameField, role: roleField.default("user") });
export type CreateServiceAccountInput = z.input<typeof createServiceAccountInput>;

/** "Deploy bot (prod)" → "deploy-bot-prod": the part of the address before the @. */
export function serviceAccountSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 48)
    .replace(/^-+|-+$/g, "");
  return slug || "service-account";
}

/**
 * A non-human user for pipelines: no password and no SSO identity, so it never signs in; it acts
 * only through the tokens an administrator gives it, with the grants it is given like anyone.
 */
export async function createServiceAccount(
  ctx: ServiceContext,
  input: z.infer<typeof createServiceAccountInput>,
): Promise<{ id: string; email: string }> {
  return ctx.db.transaction(async (tx) => {
    const email = await freeEmail(tx, serviceAccountSlug(input.name));
    const [account] = await tx
      .insert(users)
      .values({ email, name: input.name, role: input.role, kind: "service", roleSource: "direct", passwordHash: null })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!account) throw new ConflictError(`${email} was taken a moment ago. Try again.`);
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "service_account.created",
      target: email,
      details: { userId: account.id, name: input.name, role: input.role },
      ip: ctx.ip,
    });
    return { id: account.id, email };
  });
}

// deploy-bot@…, then deploy-bot-2@…, deploy-bot-3@…: the first address nobody has.
async function freeEmail(tx: Db, slug: string): Promise<string> {
  const taken = await tx
    .select({ email: users.email })
    .from(users)
    .where(like(users.email, `${escapeLike(slug)}%@${serviceAccountDomain}`));
  const used = new Set(taken.map((u) => u.email));
  for (let n = 1; ; n++) {
    const email = `${n === 1 ? slug : `${slug}-${n}`}@${serviceAccountDomain}`;
    if (!used.has(email)) return email;
  }
}
