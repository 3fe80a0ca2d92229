import { alias } from "drizzle-orm/pg-core";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { networkRules, tenants } from "@/db/schema";

const source = alias(tenants, "source");

/** The tenant's ingress rules, newest first, with the source tenant's name. */
export async function listNetworkRules(db: Db, tenantId: string) {
  const rows = await db
    .select({ rule: networkRules, sourceName: source.name })
    .from(networkRules)
    .leftJoin(source, eq(source.id, networkRules.sourceTenantId))
    .where(eq(networkRules.tenantId, tenantId))
    .orderBy(desc(networkRules.createdAt));
  return rows.map(({ rule, sourceName }) => ({
    id: rule.id,
    source: sourceName ? `tenant ${sourceName}` : rule.cidr!,
    protocol: rule.protocol,
    ports:
      rule.protocol === "all"
        ? "all"
        : rule.fromPort === rule.toPort
          ? String(rule.fromPort)
          : `${rule.fromPort}–${rule.toPort}`,
    state: rule.state,
    error: rule.error,
    createdAt: rule.createdAt.toISOString(),
  }));
}
export type NetworkRuleRow = Awaited<ReturnType<typeof listNetworkRules>>[number];
