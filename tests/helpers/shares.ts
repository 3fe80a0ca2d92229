import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { localCloudResources, shares, tenantGrants } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { findTenantByName } from "@/lib/context/find-tenant";
import { createUser } from "./factory";
import type { EngineOptions } from "@/lib/provisioning/engine";
import { decideShare } from "@/lib/shares/decide-share";
import { requestShare } from "@/lib/shares/request-share";
import { provisioningSetup } from "./provisioning";

/**
 * Two ready tenants on one local infrastructure: A owns a bucket and a database, B's writer (who
 * can read A) asks for them, A's writer decides. `within` gives a service the tenant in the URL.
 */
export async function shareSetup(db: Db, engine: Partial<EngineOptions> = {}) {
  // A's database is deleted at once and re-checked at once, so a teardown's wait for it is one more run.
  const setup = await provisioningSetup(db, { databaseReadySeconds: 0 });
  const run = (id: string, o: Partial<EngineOptions> = {}) => setup.run(id, { recheckSeconds: 0, ...engine, ...o });
  const p = {
    ...setup,
    run,
    /** Runs an operation again while it waits on the cloud (a database going away), up to a few times. */
    async runToEnd(id: string) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const outcome = await run(id);
        if (outcome !== "waiting") return outcome;
      }
      return "waiting";
    },
  };
  const [a, b] = [await p.create(), await p.create()];
  await p.run(a.operationId);
  await p.run(b.operationId);
  const driver = await p.engine(engine).driverFor((await findTenantByName(db, a.name)) as never);
  const bucket = `enclave-${a.name}-data`;
  await driver.ensure({ kind: "bucket", name: bucket, tenant: a.name, idempotencyKey: bucket });
  const database = `enclave-${a.name}-orders`;
  await driver.ensure({
    kind: "database",
    name: database,
    tenant: a.name,
    idempotencyKey: database,
    attributes: {
      engine: "postgres",
      engineVersion: "16.4",
      instanceClass: "db.t4g.micro",
      storageGiB: 20,
      multiAz: false,
      port: 5432,
      masterUsername: "enclave",
      securityGroupId: "sg-orders-db",
    },
  });
  const userWith = async (grants: [string, "read" | "write"][]) => {
    const user = await createUser(db);
    for (const [tenantId, level] of grants) await db.insert(tenantGrants).values({ tenantId, userId: user.id, level });
    return loadActor(db, user);
  };
  const bWriter = await userWith([
    [b.tenantId, "write"],
    [a.tenantId, "read"],
  ]);
  const aWriter = await userWith([[a.tenantId, "write"]]);
  const within = async (actor: typeof bWriter, tenant: string) => ({
    db,
    actor,
    ip: null,
    tenant: (await findTenantByName(db, tenant))!,
  });
  const cloud = (kind: string) =>
    db
      .select()
      .from(localCloudResources)
      .where(and(eq(localCloudResources.infrastructureId, p.infrastructure.id), eq(localCloudResources.kind, kind)));
  const shareRow = async (id: string) => (await db.select().from(shares).where(eq(shares.id, id)))[0]!;
  /** B's writer asks A for a resource; A's writer approves: the share's id, the approval's operation. */
  const ask = async (kind: "bucket" | "database", resource: string, access: "read" | "read-write" | "connect") => {
    const ctx = await within(bWriter, b.name);
    return (await requestShare(ctx, { owner: a.name, kind, resource, access }, { driver })).shareId;
  };
  const approve = async (shareId: string) =>
    (await decideShare(await within(aWriter, a.name), { shareId, decision: "approve" })).operationId!;
  return { p, a, b, driver, bucket, database, userWith, bWriter, aWriter, within, cloud, shareRow, ask, approve };
}
