import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ServiceContext } from "@/lib/context/service-context";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { createApiToken, type NewToken } from "@/lib/tokens/create-token";
import type { ServiceAccountTokenInput } from "@/lib/tokens/token-input";

/** An administrator's new token for a service account; a person's id answers like a missing account. */
export async function createServiceAccountToken(
  ctx: ServiceContext,
  input: ServiceAccountTokenInput,
): Promise<NewToken> {
  const [account] = await ctx.db
    .select({ id: users.id, email: users.email, status: users.status })
    .from(users)
    .where(and(eq(users.id, input.userId), eq(users.kind, "service")));
  if (!account) throw new NotFoundError("That service account does not exist.");
  if (account.status !== "active")
    throw new InvalidInputError(`${account.email} is disabled: enable it before giving it a token.`);
  return createApiToken(ctx.db, account.id, input, {
    createdBy: ctx.actor.id,
    ip: ctx.ip,
    tokenId: ctx.actor.token?.id ?? null,
    ownerEmail: account.email,
  });
}
