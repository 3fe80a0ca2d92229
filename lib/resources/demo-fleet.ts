import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { localCloudResources } from "@/db/schema";
import { createLocalDriver } from "@/lib/cloud/local";
import type { ResourceSpec } from "@/lib/cloud/contract";
import { bucketCloudName } from "./resource-kinds";

/** What a demo tenant runs in the local cloud, so a fresh install has resources, logs and metrics to look at. */
export function demoFleet(tenant: string): ResourceSpec[] {
  const namespace = { namespace: `tenant-${tenant}` };
  const spec = (
    kind: ResourceSpec["kind"],
    name: string,
    attributes: Record<string, unknown> = {},
    refs?: Record<string, string>,
  ): ResourceSpec => ({ kind, name, tenant, idempotencyKey: `demo-${tenant}-${kind}-${name}`, attributes, refs });
  return [
    spec("workload", "web", { image: "nginx:1.27", replicas: 2, port: 80 }, namespace),
    spec("load_balancer", "web", { workload: "web", port: 80 }, namespace),
    spec("workload", "api", { image: "ghcr.io/enclave-demo/api:1.4", replicas: 2, port: 8080 }, namespace),
    spec("workload", "worker", { image: "ghcr.io/enclave-demo/worker:1.4", replicas: 1 }, namespace),
    spec("host", "db-host", { instanceType: "t3.medium" }),
    spec("bucket", bucketCloudName(tenant, "assets")),
  ];
}

/**
 * Puts the demo fleet of a tenant into a local cloud (again safely: the driver adopts what is
 * there). `runningSince` backdates it, so the demo has months of costs to show.
 */
export async function addDemoFleet(
  db: Db,
  infrastructureId: string,
  tenant: string,
  runningSince?: Date,
): Promise<void> {
  const driver = createLocalDriver(db, infrastructureId);
  const ids = [];
  for (const spec of demoFleet(tenant)) ids.push((await driver.ensure(spec)).id);
  if (runningSince)
    await db.update(localCloudResources).set({ createdAt: runningSince }).where(inArray(localCloudResources.id, ids));
}
