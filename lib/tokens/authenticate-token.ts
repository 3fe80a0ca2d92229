import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/context/actor";
import { hashTokenSecret, looksLikeTokenSecret } from "./token-secret";

/**
 * The actor behind a bearer secret, read fresh on every request: a revoked or expired token, or a
 * disabled owner, gives null; a changed role or grant shows on the next request.
 */
export async function authenticateToken(db: Db, secret: string): Promise<Actor | null> {
  if (!looksLikeTokenSecret(secret)) return null;
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.secretHash, hashTokenSecret(secret)),
        isNull(apiTokens.revokedAt),
        sql`${apiTokens.expiresAt} > now()`,
      ),
    )
    .limit(1);
  if (!row || row.user.status !== "active") return null;
  if (!usedWithinAMinute(row.token.lastUsedAt)) await markUsed(db, row.token.id);
  const actor = await loadActor(db, row.user);
  return { ...actor, token: { id: row.token.id, name: row.token.name, scope: row.token.scope } };
}

// At most one write a minute per token: "last used" is for people deciding what to revoke. The row
// just read says whether one is due, so most requests send no update at all; the guard below keeps
// concurrent requests to one write.
const lastUsedEverySeconds = 60;
const usedWithinAMinute = (at: Date | null) => at !== null && Date.now() - at.getTime() < lastUsedEverySeconds * 1000;

async function markUsed(db: Db, tokenId: string) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(apiTokens.lastUsedAt, sql`now() - make_interval(secs => ${lastUsedEverySeconds})`),
        ),
      ),
    );
}
