import type { ServiceContext } from "@/lib/context/service-context";
import { createApiToken, type NewToken } from "./create-token";
import type { TokenInput } from "./token-input";

/** A personal access token for the signed-in user, acting as them capped at its scope. */
export function createOwnToken(ctx: ServiceContext, input: TokenInput): Promise<NewToken> {
  return createApiToken(ctx.db, ctx.actor.id, input, {
    createdBy: ctx.actor.id,
    ip: ctx.ip,
    tokenId: ctx.actor.token?.id ?? null,
  });
}
