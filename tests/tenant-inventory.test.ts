import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { infrastructures } from "@/db/schema";
import { getTenantInventory } from "@/lib/tenants/tenant-inventory";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createInfrastructure } from "./helpers/factory";
import { oneOfEach, provisioningSetup } from "./helpers/provisioning";

describe.each(testDatabases())("tenant inventory on $kind", (target) => {
  const database = useDatabase(target);

  it("counts what the tenant's cloud holds by kind, with the names", async () => {
    const { db } = database();
    const p = await provisioningSetup(db);
    const tenant = await p.create();
    await p.run(tenant.operationId);
    const inventory = await getTenantInventory(db, { name: tenant.name, infrastructureId: p.infrastructure.id });
    expect(inventory.error).toBeNull();
    expect(Object.fromEntries(inventory.kinds.map((k) => [k.kind, k.count]))).toEqual(oneOfEach);
    expect(inventory.kinds.find((k) => k.kind === "namespace")!.names).toEqual([`tenant-${tenant.name}`]);
  });

  it("says so when the cloud cannot be listed", async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    await db.update(infrastructures).set({ driver: "kubernetes", config: { kubeconfig: "/nonexistent/kubeconfig" } }).where(eq(infrastructures.id, infra.id));
    const inventory = await getTenantInventory(db, { name: "anything", infrastructureId: infra.id });
    expect(inventory.kinds).toEqual([]);
    expect(inventory.error).toMatch(/^The cloud could not be listed: /);
  });
});
