import { ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alerts } from "@/db/schema";

/**
 * The keys of every unresolved alert, read once per monitoring tick (a partial index answers it), so
 * the tick writes only what changes: at a thousand tenants almost every rule and alarm is as it was,
 * and a transaction per rule to open or resolve nothing was most of a tick's statements. An alert a
 * person or another worker changes meanwhile is seen by the next tick, as the insert's conflict
 * target and the resolve's condition would have decided it anyway.
 */
export type UnresolvedAlerts = {
  has(tenantId: string, key: string): boolean;
  /** The tenant's unresolved keys that start with the prefix. */
  keysOf(tenantId: string, prefix: string): string[];
};

export async function readUnresolvedAlerts(db: Db): Promise<UnresolvedAlerts> {
  const rows = await db
    .select({ tenantId: alerts.tenantId, key: alerts.key })
    .from(alerts)
    .where(ne(alerts.state, "resolved"));
  const byTenant = new Map<string, Set<string>>();
  for (const { tenantId, key } of rows) {
    if (!byTenant.has(tenantId)) byTenant.set(tenantId, new Set());
    byTenant.get(tenantId)!.add(key);
  }
  return {
    has: (tenantId, key) => byTenant.get(tenantId)?.has(key) ?? false,
    keysOf: (tenantId, prefix) => [...(byTenant.get(tenantId) ?? [])].filter((key) => key.startsWith(prefix)),
  };
}
