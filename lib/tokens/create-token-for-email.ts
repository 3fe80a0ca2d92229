import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { createApiToken, type NewToken } from "./create-token";
import type { TokenInput } from "./token-input";

/**
 * The command line's token: for the user (person or service account) with this email, made by
 * nobody in the portal, so the audit event says it came from the command line.
 */
export async function createTokenForEmail(db: Db, email: string, input: TokenInput): Promise<NewToken> {
  const address = email.trim().toLowerCase();
  const [user] = await db
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(eq(users.email, address))
    .limit(1);
  if (!user) throw new NotFoundError(`No user has the email ${address}.`);
  if (user.status !== "active")
    throw new InvalidInputError(`${address} is disabled: enable the account before giving it a token.`);
  return createApiToken(db, user.id, input, { createdBy: null, ip: null, via: "command line", ownerEmail: address });
}
