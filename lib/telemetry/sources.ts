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

type SourceTenant = Pick<Tenant, "name" | "infrastructureId">;
const emitting = ["workload", "host", "database"] as const;
const sourceColumns = {
  infrastructureId: localCloudResources.infrastructureId,
  tenantTag: localCloudResources.tenantTag,
  name: localCloudResources.name,
  kind: localCloudResources.kind,
  attributes: localCloudResources.attributes,
  createdAt: localCloudResources.createdAt,
};

function toSource(r: { name: string; kind: string; attributes: Record<string, unknown>; createdAt: Date }) {
  const source = { name: r.name.split("/").pop()!, kind: r.kind as TelemetrySource["kind"] };
  if (source.kind !== "database") return source;
  const storageGiB = Number(r.attributes.storageGiB);
  return { ...source, createdAt: r.createdAt, ...(storageGiB > 0 ? { storageGiB } : {}) };
}
const byName = (a: TelemetrySource, b: TelemetrySource) => a.name.localeCompare(b.name);

/** What runs in a tenant of the local cloud (its services, hosts and databases) and so emits logs and metrics. */
export async function telemetrySources(db: Db, tenant: SourceTenant): Promise<TelemetrySource[]> {
  return (await telemetrySourcesByTenant(db, [tenant])).get(sourceKey(tenant)) ?? [];
}

export const sourceKey = (tenant: SourceTenant) => `${tenant.infrastructureId}/${tenant.name}`;

/** The sources of many tenants in one statement (a telemetry tick), by sourceKey. */
export async function telemetrySourcesByTenant(db: Db, many: SourceTenant[]): Promise<Map<string, TelemetrySource[]>> {
  const wanted = new Set(many.map(sourceKey));
  const rows = many.length
    ? await db
        .select(sourceColumns)
        .from(localCloudResources)
        .where(
          and(
            inArray(localCloudResources.infrastructureId, [...new Set(many.map((t) => t.infrastructureId))]),
            inArray(localCloudResources.tenantTag, [...new Set(many.map((t) => t.name))]),
            inArray(localCloudResources.kind, [...emitting]),
          ),
        )
    : [];
  const sources = new Map<string, TelemetrySource[]>();
  for (const row of rows) {
    const key = sourceKey({ infrastructureId: row.infrastructureId, name: row.tenantTag ?? "" });
    if (!wanted.has(key)) continue;
    if (!sources.has(key)) sources.set(key, []);
    sources.get(key)!.push(toSource(row));
  }
  for (const list of sources.values()) list.sort(byName);
  return sources;
}

/** The ready tenants of simulated clouds (narrowed by `scope`): the ones whose telemetry is generated. */
export function readyLocalTenants(db: Db, scope?: SQL) {
  return db
    .select({ id: tenants.id, name: tenants.name, infrastructureId: tenants.infrastructureId })
    .from(tenants)
    .innerJoin(infrastructures, eq(infrastructures.id, tenants.infrastructureId))
    .where(and(eq(tenants.status, "ready"), inArray(infrastructures.driver, simulatedTelemetryKinds), scope));
}
