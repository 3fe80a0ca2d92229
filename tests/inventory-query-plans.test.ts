import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { claimDueTenantsQuery } from "@/lib/inventory/claim-due-tenants";
import {
  findInventoryResource,
  inventoryViewQuery,
  readInventoryFreshness,
  readTenantInventory,
} from "@/lib/inventory/inventory-queries";
import { requestInventoryRefresh } from "@/lib/inventory/request-inventory-refresh";
import { saveInventory } from "@/lib/inventory/save-inventory";
import { testDatabases, useDatabase } from "./helpers/databases";
import { expectNoSeqScan, indexesUsed } from "./helpers/explain-plan";
import { seqScansOn } from "./helpers/explain-plan";
import { createInfrastructure } from "./helpers/factory";

// A thousand tenants of fifteen resources each, among twenty thousand whose reads fall due over
// five minutes: enough that reading the refresh table whole costs far more than the batch does
// (at a few thousand tenants it is a few dozen pages, and the planner rightly reads it whole to
// claim 25). The tenants go with their infrastructure when the file ends.
const [tenantCount, inventoried, perTenant] = [20_000, 1_000, 15];
const tables = ["tenant_inventory", "tenant_inventory_refreshes"];

describe.each(testDatabases())("inventory query plans on $kind", (target) => {
  const database = useDatabase(target);
  let tenantIds: string[] = [];

  beforeAll(async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    const prefix = `inv-plan-${randomUUID().slice(0, 8)}`;
    const made = await db.execute(sql`
      insert into tenants (name, infrastructure_id, status)
      select ${prefix} || '-' || g, ${infra.id}::uuid, 'ready' from generate_series(1, ${tenantCount}::int) g
      returning id`);
    tenantIds = (made as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    await db.execute(sql`
      insert into tenant_inventory_refreshes (tenant_id, refreshed_at, due_at)
      select id, now() - interval '1 minute', now() + (random() * 300 - 3) * interval '1 second' from tenants where infrastructure_id = ${infra.id}::uuid`);
    await db.execute(sql`
      insert into tenant_inventory (tenant_id, kind, name, cloud_id, status, created_at)
      select t.id, (array['security_group', 'iam_role', 'kms_key', 'namespace', 'workload', 'host', 'bucket'])[1 + g % 7], 'res-' || g, t.id || '-' || g, 'running', now()
      from tenants t cross join generate_series(1, ${perTenant}::int) g where t.id = any(${sql.param(tenantIds.slice(0, inventoried))}::uuid[])`);
    await db.execute(sql`analyze tenants`);
    await db.execute(sql`analyze tenant_inventory`);
    await db.execute(sql`analyze tenant_inventory_refreshes`);
  }, 240_000);

  it("sees a sequential scan of the inventory when there is one", async () => {
    const found = await seqScansOn(database(), tables, (db) =>
      db.execute(sql`select * from tenant_inventory where status = 'stopped'`),
    );
    expect(found).toEqual(["Seq Scan on tenant_inventory: select * from tenant_inventory where status = 'stopped'"]);
  });

  it("reads a tenant's page in one query over the two primary keys", async () => {
    const { db } = database();
    const tenantId = tenantIds[500]!;
    const plan = await expectNoSeqScan(db, inventoryViewQuery(db, tenantId), tables);
    expect(indexesUsed(plan)).toEqual(
      expect.arrayContaining(["tenant_inventory_pk", "tenant_inventory_refreshes_pkey"]),
    );
    expect((await readTenantInventory(db, tenantId)).resources).toHaveLength(perTenant);
  });

  it("reads one resource, the freshness, a person's request and a save by index", async () => {
    const tenantId = tenantIds[42]!;
    expect(
      await seqScansOn(database(), tables, (db) => findInventoryResource(db, tenantId, "workload", "res-4")),
    ).toEqual([]);
    expect(await seqScansOn(database(), tables, (db) => readInventoryFreshness(db, tenantId))).toEqual([]);
    expect(await seqScansOn(database(), tables, (db) => requestInventoryRefresh(db, tenantId))).toEqual([]);
    const listing = {
      startedAt: new Date(),
      resources: [{ kind: "namespace" as const, name: "tenant-x", id: "ns-1", tenant: "x", attributes: {} }],
    };
    expect(await seqScansOn(database(), tables, (db) => saveInventory(db, tenantId, listing, 300))).toEqual([]);
  });

  it("claims the due batch from the due index, joining the tenants by key", async () => {
    const plan = await expectNoSeqScan(database().db, claimDueTenantsQuery(25, 120), [...tables, "tenants"]);
    expect(indexesUsed(plan)).toContain("tenant_inventory_refreshes_due_idx");
  });
});
