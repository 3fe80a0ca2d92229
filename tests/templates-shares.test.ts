import { describe, expect, it } from "vitest";
import { findTenantByName } from "@/lib/context/find-tenant";
import { snapshotTenant } from "@/lib/templates/snapshot-tenant";
import { testDatabases, useDatabase } from "./helpers/databases";
import { shareSetup } from "./helpers/shares";

describe.each(testDatabases())("a template of a tenant with shares on $kind", (target) => {
  const database = useDatabase(target);

  it("lists its active shares both ways as placeholders, and leaves out a pending request", async () => {
    const { db } = database();
    const s = await shareSetup(db);
    await s.p.run(await s.approve(await s.ask("bucket", "data", "read")));
    await s.ask("database", "orders", "connect");
    const owner = await snapshotTenant(db, (await findTenantByName(db, s.a.name))!);
    expect(owner.shares).toEqual([
      { direction: "granted", otherTenant: s.b.name, resourceKind: "bucket", resource: s.bucket, access: "read" },
    ]);
    const grantee = await snapshotTenant(db, (await findTenantByName(db, s.b.name))!);
    expect(grantee.shares).toEqual([
      { direction: "received", otherTenant: s.a.name, resourceKind: "bucket", resource: s.bucket, access: "read" },
    ]);
  });
});
