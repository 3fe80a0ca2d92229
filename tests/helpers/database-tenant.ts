import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { localCloudResources, operations, tenants } from "@/db/schema";
import { createLocalDriver, type LocalCloudConfig } from "@/lib/cloud/local";
import type { EngineOptions } from "@/lib/provisioning/engine";
import { requestResourceCreation, requestResourceDeletion } from "@/lib/resources/request-resource-change";
import type { CreateResourceInput } from "@/lib/resources/resource-input";
import { provisioningSetup } from "./provisioning";

// Reversible, so the engine can hand the stored password to the cloud; plainly not the password.
export const testSeal = (plain: string) => `sealed:${Buffer.from(plain).toString("hex")}`;
export const testUnseal = (sealed: string) => Buffer.from(sealed.slice("sealed:".length), "hex").toString();

/**
 * A ready tenant on a local cloud whose clock the test moves, with databases that take a minute to
 * become available, and the engine options that run its operations with that clock.
 */
export async function databaseTenant(db: Db, config: LocalCloudConfig = {}) {
  const clock = { now: Date.now() };
  const cloud = { databaseReadySeconds: 60, ...config };
  const p = await provisioningSetup(db, cloud);
  const driver = () => createLocalDriver(db, p.infrastructure.id, cloud, () => new Date(clock.now));
  const engine = (overrides: Partial<EngineOptions> = {}) =>
    p.engine({ driverFor: async () => driver(), seal: testSeal, unseal: testUnseal, recheckSeconds: 30, ...overrides });
  const made = await p.create();
  await p.run(made.operationId);
  const [tenant] = await db.select().from(tenants).where(eq(tenants.name, made.name));
  const ctx = { db, actor: p.admin, ip: null, tenant: tenant! };
  const { runOperation } = await import("@/lib/provisioning/engine");
  const t = {
    p,
    tenant: tenant!,
    ctx,
    run: (operationId: string, overrides: Partial<EngineOptions> = {}) =>
      runOperation(db, operationId, engine(overrides)),
    /** The cloud's time moves on, and so does the operation's rest: its re-check is due. */
    async pass(seconds: number, operationId: string) {
      clock.now += seconds * 1000;
      await db
        .update(operations)
        .set({ leaseUntil: sql`now() - interval '1 second'` })
        .where(eq(operations.id, operationId));
    },
    create: (name = "orders", extra: Partial<Extract<CreateResourceInput, { kind: "database" }>> = {}) =>
      requestResourceCreation(ctx, {
        tenant: tenant!.name,
        kind: "database",
        name,
        engine: "postgres",
        engineVersion: "16.4",
        size: "small",
        storageGiB: 20,
        multiAz: false,
        ...extra,
      }),
    remove: (name: string, finalSnapshot = false) =>
      requestResourceDeletion(ctx, { tenant: tenant!.name, kind: "database", name, finalSnapshot }),
    databases: () =>
      db
        .select()
        .from(localCloudResources)
        .where(eq(localCloudResources.tenantTag, tenant!.name))
        .then((rows) => rows.filter((r) => r.kind === "database")),
    driver,
  };
  return {
    ...t,
    /** A database made and through its wait: available. Returns its cloud name. */
    async createAvailable(name = "orders") {
      const { operationId } = await t.create(name);
      await t.run(operationId);
      await t.pass(60, operationId);
      if ((await t.run(operationId)) !== "finished") throw new Error(`database ${name} did not become available`);
      return `enclave-${tenant!.name}-${name}`;
    },
  };
}
