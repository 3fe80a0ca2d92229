import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { tenants } from "@/db/schema";
import { snapshotTenant } from "@/lib/templates/snapshot-tenant";
import { testDatabases, useDatabase } from "./helpers/databases";
import { shareSetup } from "./helpers/shares";

describe.each(testDatabases())("a template of a tenant with shares on $kind", (target) => {
  const database = useDatabase(target);

  it("lists its active shares both ways as placeholders, and leaves out a pending request", async () => {
    const { db } = database();
    const tenantNamed = async (name: string) => (await db.select().from(tenants).where(eq(tenants.name, name)))[0]!;
    const s = await shareSetup(db);
    await s.p.run(await s.approve(await s.ask("bucket", "data", "read")));
    await s.ask("database", "orders", "connect");
    const owner = await snapshotTenant(db, await tenantNamed(s.a.name));
    expect(owner.shares).toEqual([
      { direction: "granted", otherTenant: s.b.name, resourceKind: "bucket", resource: s.bucket, access: "read" },
    ]);
    const grantee = await snapshotTenant(db, await tenantNamed(s.b.name));
    expect(grantee.shares).toEqual([
      { direction: "received", otherTenant: s.a.name, resourceKind: "bucket", resource: s.bucket, access: "read" },
    ]);
  });
});
