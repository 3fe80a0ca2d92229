import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { localCloudResources, tenantSecrets, tenants } from "@/db/schema";
import { createTenantLike } from "@/lib/templates/create-from-template";
import { snapshotTenant } from "@/lib/templates/snapshot-tenant";
import { testDatabases, useDatabase } from "./helpers/databases";
import { databaseTenant } from "./helpers/database-tenant";
import { uniqueName } from "./helpers/factory";

describe.each(testDatabases())("a clone of a tenant with a database on $kind", (target) => {
  const database = useDatabase(target);

  it("lists the database in the snapshot and makes it in the clone, waiting for it to be available", async () => {
    const { db } = database();
    const t = await databaseTenant(db);
    await t.createAvailable("orders");
    const body = await snapshotTenant(db, t.tenant);
    expect(body.resources).toContainEqual({
      kind: "database",
      name: "orders",
      engine: "postgres",
      engineVersion: "16.4",
      size: "small",
      storageGiB: 20,
      multiAz: false,
    });

    const name = uniqueName("clone").replace(/[^a-z0-9-]/g, "");
    const { operationId } = await createTenantLike(t.ctx, { tenant: t.tenant.name, name });
    expect(await t.run(operationId)).toBe("waiting");
    const [clone] = await db.select().from(tenants).where(eq(tenants.name, name));
    expect(clone!.status).toBe("provisioning");
    await t.pass(60, operationId);
    expect(await t.run(operationId)).toBe("finished");
    expect((await db.select().from(tenants).where(eq(tenants.name, name)))[0]!.status).toBe("ready");

    const made = await db
      .select()
      .from(localCloudResources)
      .where(and(eq(localCloudResources.tenantTag, name), eq(localCloudResources.kind, "database")));
    expect(made.map((r) => r.name)).toEqual([`enclave-${name}-orders`]);
    const listed = (await t.driver().listTenantResources(name)).find((r) => r.kind === "database");
    expect(listed?.status).toBe("available");
    const secrets = await db.select().from(tenantSecrets).where(eq(tenantSecrets.tenantId, clone!.id));
    expect(secrets.map((s) => s.kind)).toContain(`database:enclave-${name}-orders`);
  });
});
