import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";

export const tokenStates = ["active", "expired", "revoked"] as const;
export type TokenState = (typeof tokenStates)[number];

/** Whether the token still works, by the database's clock, as authenticateToken decides it. */
export const tokenState = sql<TokenState>`case
  when ${apiTokens.revokedAt} is not null then 'revoked'
  when ${apiTokens.expiresAt} <= now() then 'expired'
  else 'active' end`;

/** What a list shows of a token: never its hash. */
export const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  state: tokenState,
};

// Revoked and expired tokens stay listed (they explain audit events); a very long history is cut.
const ownListLimit = 200;

/** One user's tokens, newest first: a person's own on /account, a service account's on its page. */
export async function listTokensOf(db: Db, userId: string) {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(ownListLimit);
}

export type TokenRow = Awaited<ReturnType<typeof listTokensOf>>[number];
