import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, localCloudResources, tenants, type Tenant } from "@/db/schema";
import { simulatedTelemetryKinds } from "@/lib/cloud/registry";

/** A database's storage and age shape its simulated free storage; other sources have neither. */
export type TelemetrySource = {
  name: string;
  kind: "workload" | "host" | "database";
  storageGiB?: number;
  createdAt?: Date;
};

/** What runs in a tenant of the local cloud (its services, hosts and databases) and so emits logs and metrics. */
export async function telemetrySources(
  db: Db,
  tenant: Pick<Tenant, "name" | "infrastructureId">,
): Promise<TelemetrySource[]> {
  const running = await db
    .select({
      name: localCloudResources.name,
      kind: localCloudResources.kind,
      attributes: localCloudResources.attributes,
      createdAt: localCloudResources.createdAt,
    })
    .from(localCloudResources)
    .where(
      and(
        eq(localCloudResources.infrastructureId, tenant.infrastructureId),
        eq(localCloudResources.tenantTag, tenant.name),
        inArray(localCloudResources.kind, ["workload", "host", "database"]),
      ),
    );
  return running
    .map((r): TelemetrySource => {
      const source = { name: r.name.split("/").pop()!, kind: r.kind as TelemetrySource["kind"] };
      if (source.kind !== "database") return source;
      const storageGiB = Number(r.attributes.storageGiB);
      return { ...source, createdAt: r.createdAt, ...(storageGiB > 0 ? { storageGiB } : {}) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The ready tenants of simulated clouds (narrowed by `scope`): the ones whose telemetry is generated. */
export function readyLocalTenants(db: Db, scope?: SQL) {
  return db
    .select({ id: tenants.id, name: tenants.name, infrastructureId: tenants.infrastructureId })
    .from(tenants)
    .innerJoin(infrastructures, eq(infrastructures.id, tenants.infrastructureId))
    .where(and(eq(tenants.status, "ready"), inArray(infrastructures.driver, simulatedTelemetryKinds), scope));
}
