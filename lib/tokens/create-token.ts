import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { displayPrefix, hashTokenSecret, newTokenSecret } from "./token-secret";
import type { TokenInput } from "./token-input";

export interface NewToken {
  /** Shown once to whoever made it; only its hash is kept. */
  secret: string;
  token: { id: string; name: string; scope: "read" | "write"; prefix: string; expiresAt: Date };
}

/**
 * Makes a token for `ownerId` (a person or a service account) in one transaction with its audit
 * event; `createdBy` is the user who asked (the owner, an administrator, or null from the command line).
 */
export async function createApiToken(
  db: Db,
  ownerId: string,
  input: TokenInput,
  by: { createdBy: string | null; ip: string | null; via?: string; tokenId?: string | null; ownerEmail?: string },
): Promise<NewToken> {
  const secret = newTokenSecret();
  const expiresAt = new Date(Date.now() + input.days * 86_400_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: ownerId,
        name: input.name,
        scope: input.scope,
        secretHash: hashTokenSecret(secret),
        prefix: displayPrefix(secret),
        createdBy: by.createdBy,
        expiresAt,
      })
      .returning();
    await recordAudit(tx, {
      actorId: by.createdBy,
      action: "token.created",
      target: input.name,
      ip: by.ip,
      tokenId: by.tokenId ?? null,
      details: {
        tokenId: row!.id,
        ownerId,
        scope: input.scope,
        expiresAt,
        ...(by.via && { via: by.via }),
        // Named when it is someone else's token, so the log says whose.
        ...(by.ownerEmail && { owner: by.ownerEmail }),
      },
    });
    const { id, name, scope, prefix } = row!;
    return { secret, token: { id, name, scope, prefix, expiresAt } };
  });
}
