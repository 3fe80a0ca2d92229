import { and, eq, isNull, sql } from "drizzle-orm";
import { apiTokens, users } from "@/db/schema";
import { auditActor, recordAudit } from "@/lib/audit/record";
import type { ServiceContext } from "@/lib/context/service-context";
import { NotFoundError } from "@/lib/errors";
import type { RevokeTokenInput } from "./token-input";

export type RevokeResult = { name: string; alreadyRevoked: boolean };

/** Revokes one of the actor's own tokens; another user's token answers exactly like a missing one. */
export function revokeOwnToken(ctx: ServiceContext, input: RevokeTokenInput): Promise<RevokeResult> {
  return revokeToken(ctx, input.tokenId, ctx.actor.id);
}

/** Revokes anyone's token: for administrators (the action's policy says who may call it). */
export function revokeAnyToken(ctx: ServiceContext, input: RevokeTokenInput): Promise<RevokeResult> {
  return revokeToken(ctx, input.tokenId, null);
}

// The update itself decides: of two revokes at once, one changes the row and audits, the other finds it revoked.
async function revokeToken(ctx: ServiceContext, tokenId: string, ownerId: string | null): Promise<RevokeResult> {
  return ctx.db.transaction(async (tx) => {
    const mine = ownerId ? eq(apiTokens.userId, ownerId) : undefined;
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt), mine))
      .returning({ name: apiTokens.name, scope: apiTokens.scope, userId: apiTokens.userId });
    if (!revoked) {
      const [existing] = await tx
        .select({ name: apiTokens.name })
        .from(apiTokens)
        .where(and(eq(apiTokens.id, tokenId), mine));
      if (!existing) throw new NotFoundError("That token does not exist.");
      return { name: existing.name, alreadyRevoked: true };
    }
    const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, revoked.userId));
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "token.revoked",
      target: revoked.name,
      details: { tokenId, ownerId: revoked.userId, owner: owner?.email ?? null, scope: revoked.scope },
      ip: ctx.ip,
    });
    return { name: revoked.name, alreadyRevoked: false };
  });
}
