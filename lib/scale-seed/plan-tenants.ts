import type { Tenant } from "@/db/schema";
import { noise } from "@/lib/cloud/local/simulated-metrics";
import { scaleTenantName } from "./scale-names";

const dayMs = 86_400_000;

export type PlannedTenant = Pick<Tenant, "name" | "deletionProtection" | "expiresAt" | "quota" | "createdAt">;

const quotas: NonNullable<Tenant["quota"]>[] = [
  { cpu: "2", memory: "4Gi", pods: 20 },
  { cpu: "4", memory: "8Gi", pods: 50 },
  { cpu: "16", memory: "64Gi", pods: 200 },
];

/**
 * Tenant n's settings, from n alone (so a larger second run keeps the first tenants as they
 * were): created over the last year, a third protected from deletion, some sandboxes that expire.
 */
export function planTenant(prefix: string, n: number, now: Date): PlannedTenant {
  const draw = (field: string) => noise("scale-tenant", n, field);
  const ageDays = 1 + draw("age") * 364;
  const sandbox = draw("expires") < 0.12;
  return {
    name: scaleTenantName(prefix, n),
    createdAt: new Date(Math.floor((now.getTime() - ageDays * dayMs) / 60_000) * 60_000),
    deletionProtection: !sandbox && draw("protected") < 0.35,
    expiresAt: sandbox ? new Date(now.getTime() + (3 + draw("expires-in") * 87) * dayMs) : null,
    quota: draw("quota") < 0.25 ? quotas[Math.floor(draw("quota-size") * quotas.length)]! : null,
  };
}

export const planTenants = (prefix: string, count: number, now: Date) =>
  Array.from({ length: count }, (_, i) => planTenant(prefix, i + 1, now));
