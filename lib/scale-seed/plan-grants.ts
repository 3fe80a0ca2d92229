import type { GrantLevel } from "@/db/schema";
import { noise } from "@/lib/cloud/local/simulated-metrics";
import { planUser } from "./plan-users";
import { loadTestEmail, scaleTenantName, scaleUserEmail } from "./scale-names";

const dayMs = 86_400_000;

export type PlannedGrant = { email: string; tenant: string; level: GrantLevel; expiresAt: Date | null };

/** How many tenants user n works in: most one to three, some none yet, one in seventy dozens. */
export function grantCount(n: number, tenantCount: number): number {
  const roll = noise("scale-grants", n, "count");
  const size = noise("scale-grants", n, "size");
  const wanted =
    roll < 0.05
      ? 0
      : roll < 0.55
        ? 1
        : roll < 0.78
          ? 2
          : roll < 0.9
            ? 3
            : roll < 0.985
              ? 4 + Math.floor(size * 7)
              : 20 + Math.floor(size * 100);
  return Math.min(wanted, tenantCount);
}

/** Distinct tenants for user n; low-numbered tenants are popular (u^1.5 leans towards 0), as a few big teams are. */
function pickTenants(n: number, count: number, tenantCount: number): number[] {
  const picked = new Set<number>();
  for (let k = 0; picked.size < count; k++) {
    let tenant = 1 + Math.floor(tenantCount * noise("scale-grants", n, "tenant", k) ** 1.5);
    while (picked.has(tenant)) tenant = (tenant % tenantCount) + 1;
    picked.add(tenant);
  }
  return [...picked];
}

/**
 * Every grant of the seed. Plain users only: admins and auditors see every tenant anyway. Read is
 * three times as common as write; a few grants run out within three months. The load-test
 * account gets exactly three: write on the first tenant, read on the next two.
 */
export function planGrants(prefix: string, userCount: number, tenantCount: number, now: Date): PlannedGrant[] {
  const grants: PlannedGrant[] = [];
  for (let n = 1; n <= userCount; n++) {
    if (planUser(prefix, n, now).role !== "user") continue;
    for (const tenant of pickTenants(n, grantCount(n, tenantCount), tenantCount)) {
      const draw = (field: string) => noise("scale-grants", n, tenant, field);
      grants.push({
        email: scaleUserEmail(prefix, n),
        tenant: scaleTenantName(prefix, tenant),
        level: draw("level") < 0.25 ? "write" : "read",
        expiresAt: draw("expires") < 0.06 ? new Date(now.getTime() + (7 + draw("expires-in") * 83) * dayMs) : null,
      });
    }
  }
  for (let tenant = 1; tenant <= Math.min(3, tenantCount); tenant++) {
    grants.push({
      email: loadTestEmail(prefix),
      tenant: scaleTenantName(prefix, tenant),
      level: tenant === 1 ? "write" : "read",
      expiresAt: null,
    });
  }
  return grants;
}
