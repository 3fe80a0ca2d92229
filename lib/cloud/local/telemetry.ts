import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { tenants } from "@/db/schema";
import type { TelemetryReader } from "../contract";
import { latestLogId, searchLogs, tailLogs } from "./log-store";
import { readStoredMetrics } from "./metric-store";

const liveTenantIdNamed = preparedOnce((db) =>
  db
    .select({ id: tenants.id })
    .from(tenants)
    .where(
      and(eq(tenants.infrastructureId, sql.placeholder("infrastructureId")), eq(tenants.name, sql.placeholder("name"))),
    )
    .orderBy(sql`${tenants.status} = 'deleted'`, desc(tenants.createdAt))
    .limit(1)
    .prepare("local_tenant_id_named"),
);

/**
 * The local cloud's logs and metrics: generated into the portal's own tables, keyed by tenant id.
 * A deleted tenant's name may be taken again, so the live one comes first.
 */
export function localTelemetry(db: Db, infrastructureId: string): Required<TelemetryReader> {
  // One lookup per name for the driver's life: a live tail asks every second.
  const ids = new Map<string, Promise<string | null>>();
  const tenantId = (name: string) => {
    if (!ids.has(name)) ids.set(name, lookUpTenantId(name));
    return ids.get(name)!;
  };
  async function lookUpTenantId(name: string): Promise<string | null> {
    const [row] = await liveTenantIdNamed(db).execute({ infrastructureId, name });
    return row?.id ?? null;
  }
  return {
    async readLogs(tenant, query) {
      const id = await tenantId(tenant);
      return id ? searchLogs(db, id, query) : { lines: [], nextCursor: null };
    },
    async readMetrics(tenant, query) {
      const id = await tenantId(tenant);
      return id ? readStoredMetrics(db, id, query) : [];
    },
    followLogs: {
      latestLineId: () => latestLogId(db),
      async linesAfter(tenant, afterId, filters) {
        const id = await tenantId(tenant);
        return id ? tailLogs(db, id, afterId, filters) : [];
      },
    },
  };
}
