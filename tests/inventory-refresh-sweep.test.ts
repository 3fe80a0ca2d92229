import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tenantInventoryRefreshes, tenants } from "@/db/schema";
import type { CloudDriver } from "@/lib/cloud/contract";
import { createLocalDriver } from "@/lib/cloud/local";
import { adoptTenants, claimDueTenants } from "@/lib/inventory/claim-due-tenants";
import { readTenantInventory } from "@/lib/inventory/inventory-queries";
import { inventorySettings } from "@/lib/inventory/inventory-settings";
import { inventoryRefreshTask, refreshDueInventories } from "@/lib/inventory/refresh-due-inventories";
import { addDemoFleet } from "@/lib/resources/demo-fleet";
import { isolatedTestDatabases, useDatabase } from "./helpers/databases";
import { createInfrastructure, createTenant } from "./helpers/factory";

const log = () => {};
const settings = { intervalSeconds: 300, batchSize: 3, concurrency: 2 };

/**
 * A local driver that counts its listings and how many run at once. With `pairFirst`, the first
 * listing waits until a second one has started: proof, on state rather than a timer, that the
 * sweep runs two at once (it never finishes if it runs one at a time).
 */
function countingDriver(inner: CloudDriver, { pairFirst = false } = {}) {
  const seen = { listed: [] as string[], inFlight: 0, mostInFlight: 0 };
  let partnerStarted = () => {};
  const partner = new Promise<void>((resolve) => (partnerStarted = resolve));
  const driver: CloudDriver = {
    ...inner,
    async listTenantResources(tenant) {
      seen.inFlight++;
      seen.mostInFlight = Math.max(seen.mostInFlight, seen.inFlight);
      const first = seen.listed.length === 0 && seen.inFlight === 1;
      if (seen.inFlight >= 2) partnerStarted();
      try {
        if (pairFirst && first) await partner;
        return await inner.listTenantResources(tenant);
      } finally {
        seen.listed.push(tenant);
        seen.inFlight--;
      }
    },
  };
  return { driver, seen };
}

describe("inventory settings", () => {
  it("reads ENCLAVE_INVENTORY_REFRESH_SECONDS, five minutes when unset, and refuses nonsense", () => {
    expect(inventorySettings({}).intervalSeconds).toBe(300);
    expect(inventorySettings({ ENCLAVE_INVENTORY_REFRESH_SECONDS: "60" }).intervalSeconds).toBe(60);
    expect(() => inventorySettings({ ENCLAVE_INVENTORY_REFRESH_SECONDS: "5" })).toThrow(/at least 10/);
    expect(() => inventorySettings({ ENCLAVE_INVENTORY_REFRESH_SECONDS: "soon" })).toThrow(/whole number/);
  });
});

// A database of its own: the sweep claims every due tenant it finds, other files' included.
describe.each(isolatedTestDatabases())("the periodic inventory refresh on $kind", (target) => {
  const database = useDatabase(target);

  it("claims due tenants in disjoint batches, oldest due first, and leaves the rest due", async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    const made: Awaited<ReturnType<typeof createTenant>>[] = [];
    for (let i = 0; i < 5; i++) made.push(await createTenant(db, { infrastructureId: infra.id }));
    expect(await adoptTenants(db)).toBe(5);
    expect(await adoptTenants(db)).toBe(0);
    for (const [i, t] of made.entries())
      await db
        .update(tenantInventoryRefreshes)
        .set({ dueAt: sql`now() - make_interval(secs => ${100 - i})` })
        .where(eq(tenantInventoryRefreshes.tenantId, t.id));

    const first = await claimDueTenants(db, 3, 120);
    const second = await claimDueTenants(db, 3, 120);
    const names = (claimed: { name: string }[]) => claimed.map((t) => t.name).sort();
    expect(names(first)).toEqual(names(made.slice(0, 3)));
    expect(names(second)).toEqual(names(made.slice(3)));
    expect(await claimDueTenants(db, 3, 120)).toEqual([]);
    expect(first.find((t) => t.id === made[0]!.id)).toMatchObject({
      name: made[0]!.name,
      infrastructureId: infra.id,
      status: "ready",
    });
    const [claimed] = await db
      .select()
      .from(tenantInventoryRefreshes)
      .where(eq(tenantInventoryRefreshes.tenantId, made[0]!.id));
    expect(claimed!.dueAt.getTime()).toBeGreaterThan(Date.now() + 100_000);
    await db.delete(tenants).where(eq(tenants.infrastructureId, infra.id));
  });

  it("reads every due tenant's cloud in batches, a few at once, once each, then none until the interval has passed", async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    const live: Awaited<ReturnType<typeof createTenant>>[] = [];
    for (let i = 0; i < 7; i++) live.push(await createTenant(db, { infrastructureId: infra.id }));
    await addDemoFleet(db, infra.id, live[0]!.name);
    const gone = await createTenant(db, { infrastructureId: infra.id, status: "deleted" });
    await adoptTenants(db);
    await db.insert(tenantInventoryRefreshes).values({ tenantId: gone.id });
    const { driver, seen } = countingDriver(createLocalDriver(db, infra.id), { pairFirst: true });
    let driversMade = 0;
    const driverFor = async () => {
      driversMade++;
      return driver;
    };

    const tally = await refreshDueInventories(db, log, settings, { driverFor });
    expect(tally).toEqual({ saved: 7, failed: 0, superseded: 0, dropped: 1, crashed: 0 });
    expect(seen.listed.sort()).toEqual(live.map((t) => t.name).sort());
    expect(seen.mostInFlight).toBe(2);
    expect(driversMade).toBe(1);
    const fleet = await readTenantInventory(db, live[0]!.id);
    expect(fleet.resources.map((r) => r.name)).toContain("db-host");
    expect((await readTenantInventory(db, live[1]!.id)).freshness!.refreshedAt).not.toBeNull();
    expect(
      await db.select().from(tenantInventoryRefreshes).where(eq(tenantInventoryRefreshes.tenantId, gone.id)),
    ).toEqual([]);
    const [next] = await db
      .select()
      .from(tenantInventoryRefreshes)
      .where(eq(tenantInventoryRefreshes.tenantId, live[3]!.id));
    expect(next!.dueAt.getTime()).toBeGreaterThan(Date.now() + 290_000);

    expect(await refreshDueInventories(db, log, settings, { driverFor })).toEqual({
      saved: 0,
      failed: 0,
      superseded: 0,
      dropped: 0,
      crashed: 0,
    });
    await db.delete(tenants).where(eq(tenants.infrastructureId, infra.id));
  });

  it("stops claiming when its time is up, leaving the rest due for the next pass", async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    for (let i = 0; i < 6; i++) await createTenant(db, { infrastructureId: infra.id });
    await adoptTenants(db);
    const { driver } = countingDriver(createLocalDriver(db, infra.id));
    const tally = await refreshDueInventories(db, log, settings, { driverFor: async () => driver, budgetMs: 1 });
    expect(tally.saved).toBe(3);
    expect((await refreshDueInventories(db, log, settings, { driverFor: async () => driver })).saved).toBe(3);
    await db.delete(tenants).where(eq(tenants.infrastructureId, infra.id));
  });

  it("records a driver that cannot be made as each tenant's error and goes on", async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    const made = [
      await createTenant(db, { infrastructureId: infra.id }),
      await createTenant(db, { infrastructureId: infra.id }),
    ];
    await adoptTenants(db);
    const driverFor = () => Promise.reject(new Error("no credentials for this account"));
    expect(await refreshDueInventories(db, log, settings, { driverFor })).toMatchObject({
      saved: 0,
      failed: 2,
      crashed: 0,
    });
    for (const t of made)
      expect((await readTenantInventory(db, t.id)).freshness).toMatchObject({
        refreshedAt: null,
        error: "The cloud could not be listed: no credentials for this account",
      });
    await db.delete(tenants).where(eq(tenants.infrastructureId, infra.id));
  });

  it("adopts tenants without a refresh row once per interval, not at every tick", async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    const first = await createTenant(db, { infrastructureId: infra.id });
    const { driver, seen } = countingDriver(createLocalDriver(db, infra.id));
    const tick = inventoryRefreshTask(db, log, settings, { driverFor: async () => driver });
    await tick();
    expect(seen.listed).toEqual([first.name]);
    const later = await createTenant(db, { infrastructureId: infra.id });
    await tick();
    expect(seen.listed).toEqual([first.name]);
    expect((await readTenantInventory(db, later.id)).freshness).toBeNull();
    await db.delete(tenants).where(eq(tenants.infrastructureId, infra.id));
  });
});
