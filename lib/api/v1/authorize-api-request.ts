import type { Db } from "@/db/client";
import { checkAccess } from "@/lib/auth/check-access";
import { readOnlyMessage } from "@/lib/auth/read-only-message";
import type { Access } from "@/lib/auth/route-policy";
import type { Actor } from "@/lib/context/actor";
import { findTenantByName, type TenantSummary } from "@/lib/context/find-tenant";
import { apiRequestWaitSeconds } from "@/lib/rate-limit/api-requests";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { apiError } from "./api-error";

type Allowed = { actor: Actor | null; scope: { tenant?: TenantSummary } };
const bearer = /^Bearer\s+(\S+)$/i;

/**
 * Who (the token, never a cookie), how often, and may they. A tenant the token may not read answers
 * 404 exactly like a missing one; 403 only where the tenant is no secret to the caller.
 */
export async function authorizeApiRequest(
  db: Db,
  request: Request,
  access: Access,
  tenantName: string | undefined,
): Promise<Allowed | Response> {
  if (access === "public") return { actor: null, scope: {} };
  const secret = bearer.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!secret) return apiError(401, "unauthenticated", "Send an access token: Authorization: Bearer enc_…");
  const actor = await authenticateToken(db, secret);
  if (!actor) return apiError(401, "unauthenticated", "This access token is unknown, revoked or expired.");
  const wait = await apiRequestWaitSeconds(db, actor.token!.id);
  if (wait > 0)
    return apiError(429, "rate_limited", `Too many requests with this token: wait ${wait} s.`, null, {
      "retry-after": String(wait),
    });
  const decision = await checkAccess(db, actor, access, tenantName);
  if (!decision.allowed) {
    const owner = { ...actor, token: undefined };
    if ((await checkAccess(db, owner, access, tenantName)).allowed)
      return apiError(403, "insufficient_scope", "This token's scope is read; this needs a token with write scope.");
    if (decision.reason === "read_only") return apiError(403, "forbidden", readOnlyMessage(decision.tenant.name));
    return apiError(404, "not_found", "Not found.");
  }
  // Administrator-only operations on a tenant are not tenant permissions, so find the tenant here.
  const tenant = decision.tenant ?? (tenantName ? await findTenantByName(db, tenantName) : null);
  if (tenantName && !tenant) return apiError(404, "not_found", "Not found.");
  return { actor: decision.actor, scope: tenant ? { tenant } : {} };
}
