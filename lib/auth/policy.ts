import type { GrantLevel, TokenScope, UserRole } from "@/db/schema";
import type { Actor } from "@/lib/context/actor";

export const permissions = ["tenant:read", "tenant:write", "admin:read", "admin:write"] as const;
export type Permission = (typeof permissions)[number];
/** Permissions held on one tenant (from a grant) rather than everywhere (from a role). */
type TenantPermission = Extract<Permission, `tenant:${string}`>;

const rolePermissions = {
  admin: ["tenant:read", "tenant:write", "admin:read", "admin:write"],
  auditor: ["tenant:read", "admin:read"],
  user: [],
} as const satisfies Record<UserRole, readonly Permission[]>;

const grantPermissions = {
  read: ["tenant:read"],
  write: ["tenant:read", "tenant:write"],
} as const satisfies Record<GrantLevel, readonly Permission[]>;

const scopePermissions = {
  read: ["tenant:read", "admin:read"],
  write: permissions,
} as const satisfies Record<TokenScope, readonly Permission[]>;

/**
 * What the actor may do, globally or within the tenant whose id is given. Through a token, that
 * is the owner's permissions of this request intersected with the token's scope.
 */
export function permissionsOf(actor: Actor, tenantId?: string): Set<Permission> {
  const granted = new Set<Permission>(rolePermissions[actor.role]);
  const level = tenantId ? actor.grants.get(tenantId) : undefined;
  if (level) for (const p of grantPermissions[level]) granted.add(p);
  if (actor.token) {
    const allowed: readonly Permission[] = scopePermissions[actor.token.scope];
    for (const p of granted) if (!allowed.includes(p)) granted.delete(p);
  }
  return granted;
}

export function can(actor: Actor | null, permission: Permission, tenantId?: string): boolean {
  return actor !== null && permissionsOf(actor, tenantId).has(permission);
}

export function isTenantPermission(permission: Permission): permission is TenantPermission {
  return permission.startsWith("tenant:");
}

/** Sees every tenant rather than only granted ones. */
export function seesAllTenants(actor: Actor): boolean {
  return (rolePermissions[actor.role] as readonly Permission[]).includes("tenant:read");
}

export function accessLabel(actor: Actor, tenantId: string): string {
  if (actor.role === "admin") return "admin";
  const level = actor.grants.get(tenantId);
  if (level) return level;
  return actor.role === "auditor" ? "auditor (read)" : "none";
}
