import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { localCloudResources, type Tenant } from "@/db/schema";

export type TelemetrySource = { name: string; kind: "workload" | "host" };

// Until a tenant runs workloads of its own (the resources page), the local cloud simulates a
// small fleet for it, so a fresh install shows living dashboards.
const defaultFleet: TelemetrySource[] = [
  { name: "web", kind: "workload" },
  { name: "api", kind: "workload" },
  { name: "worker", kind: "workload" },
  { name: "db-host", kind: "host" },
];

/** What runs in a tenant of the local cloud and so emits logs and metrics. */
export async function telemetrySources(db: Db, tenant: Pick<Tenant, "name" | "infrastructureId">): Promise<TelemetrySource[]> {
  const running = await db
    .select({ name: localCloudResources.name, kind: localCloudResources.kind })
    .from(localCloudResources)
    .where(and(eq(localCloudResources.infrastructureId, tenant.infrastructureId), eq(localCloudResources.tenantTag, tenant.name), inArray(localCloudResources.kind, ["workload", "host"])));
  return running.length ? running.map((r) => ({ name: r.name.split("/").pop()!, kind: r.kind as TelemetrySource["kind"] })) : defaultFleet;
}
