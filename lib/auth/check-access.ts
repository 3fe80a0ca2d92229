import type { Db } from "@/db/client";
import { findTenantByName, type TenantSummary } from "@/lib/context/find-tenant";
import type { Actor } from "@/lib/context/actor";
import { can, isTenantPermission } from "./policy";
import type { Access } from "./route-policy";

export type AccessDecision =
  | { allowed: true; actor: Actor | null; tenant: TenantSummary | null }
  | { allowed: false; reason: "unauthenticated" | "not_found" }
  | { allowed: false; reason: "read_only"; tenant: TenantSummary };

/**
 * The one decision every page, route handler and server action goes through. A tenant the
 * actor may not read answers exactly like a tenant that does not exist; one they may read but
 * not change says so, since its existence is no secret to them.
 */
export async function checkAccess(
  db: Db,
  actor: Actor | null,
  access: Access,
  tenantName?: string,
  findTenant = findTenantByName,
): Promise<AccessDecision> {
  if (access === "public") return { allowed: true, actor, tenant: null };
  if (!actor) return { allowed: false, reason: "unauthenticated" };
  if (access === "signed-in") return { allowed: true, actor, tenant: null };
  if (!isTenantPermission(access)) {
    return can(actor, access) ? { allowed: true, actor, tenant: null } : { allowed: false, reason: "not_found" };
  }
  const tenant = tenantName ? await findTenant(db, tenantName) : null;
  if (!tenant || !can(actor, "tenant:read", tenant.id)) return { allowed: false, reason: "not_found" };
  if (!can(actor, access, tenant.id)) return { allowed: false, reason: "read_only", tenant };
  return { allowed: true, actor, tenant };
}
