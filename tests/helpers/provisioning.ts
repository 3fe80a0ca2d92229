import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, localCloudResources, type Tenant } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { createLocalDriver, type LocalCloudConfig } from "@/lib/cloud/local";
import { runOperation, type EngineOptions } from "@/lib/provisioning/engine";
import { createTenant } from "@/lib/tenants/create-tenant";
import { createInfrastructure, createUser, uniqueName } from "./factory";

export const fastRetry = { attempts: 4, baseMs: 1, maxMs: 2 };

/** A local infrastructure with the given fault config, an admin, and the engine options that drive it. */
export async function provisioningSetup(db: Db, config: LocalCloudConfig = {}) {
  const infrastructure = await createInfrastructure(db);
  await db.update(infrastructures).set({ config }).where(eq(infrastructures.id, infrastructure.id));
  const admin = await loadActor(db, await createUser(db, { role: "admin" }));
  const engine = (overrides: Partial<EngineOptions> = {}): EngineOptions => ({
    workerId: "test-worker",
    driverFor: async () => createLocalDriver(db, infrastructure.id, config),
    seal: (plain) => `sealed:${plain.length}`,
    retry: fastRetry,
    ...overrides,
  });
  const create = (name = uniqueName("t").replace(/[^a-z0-9-]/g, "")) =>
    createTenant(
      { db, actor: admin, ip: null },
      { name, infrastructureId: infrastructure.id, deletionProtection: false, quota: { pods: 10 } },
    );
  const run = (operationId: string, overrides: Partial<EngineOptions> = {}) =>
    runOperation(db, operationId, engine(overrides));
  const resources = (tenant: Pick<Tenant, "name">) =>
    db.select().from(localCloudResources).where(eq(localCloudResources.tenantTag, tenant.name));
  return { infrastructure, admin, engine, create, run, resources };
}

/** How many resources of each kind: "exactly one of each" reads as every count being 1. */
export function countByKind(rows: { kind: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.kind] = (counts[row.kind] ?? 0) + 1;
  return counts;
}

/** What one provisioned tenant (with a quota) holds in the cloud: two service accounts and bindings, one of the rest. */
export const oneOfEach = {
  security_group: 1,
  iam_role: 1,
  instance_profile: 1,
  kms_key: 1,
  kms_alias: 1,
  key_pair: 1,
  namespace: 1,
  service_account: 2,
  role_binding: 2,
  network_policy: 1,
  resource_quota: 1,
};
