import type { Db } from "@/db/client";
import type { Actor } from "./actor";
import type { TenantSummary } from "./find-tenant";

/** The caller's address as the proxy in front of the portal saw it: the first x-forwarded-for hop. */
export function clientIp(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
}

/**
 * The service context of a request that passed its access check, built alike for server actions and
 * route handlers; the tenant is there exactly when the check resolved one. Each wrapper narrows the
 * type by its policy (a tenant permission gives a TenantServiceContext).
 */
export function contextFromRequest(
  db: Db,
  access: { actor: Actor | null; tenant: TenantSummary | null },
  headers: Headers,
) {
  return { db, actor: access.actor, ip: clientIp(headers), ...(access.tenant && { tenant: access.tenant }) };
}
