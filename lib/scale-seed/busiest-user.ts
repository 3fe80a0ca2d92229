import { planGrants } from "./plan-grants";
import { planUser } from "./plan-users";
import { scaleUserEmail } from "./scale-names";

/**
 * The active plain user with the most live grants, as the seed plans them: the account whose
 * tenant list and picker weigh most (117 tenants at 1,000 tenants / 10,000 users).
 */
export function busiestScaleUser(
  prefix: string,
  userCount: number,
  tenantCount: number,
  now: Date,
): { email: string; tenants: number } | null {
  const active = new Set<string>();
  for (let n = 1; n <= userCount; n++) {
    const user = planUser(prefix, n, now);
    if (user.role === "user" && user.status === "active") active.add(scaleUserEmail(prefix, n));
  }
  const counts = new Map<string, number>();
  for (const grant of planGrants(prefix, userCount, tenantCount, now)) {
    if (!active.has(grant.email) || (grant.expiresAt && grant.expiresAt <= now)) continue;
    counts.set(grant.email, (counts.get(grant.email) ?? 0) + 1);
  }
  let busiest: { email: string; tenants: number } | null = null;
  for (const [email, tenants] of counts) if (!busiest || tenants > busiest.tenants) busiest = { email, tenants };
  return busiest;
}
