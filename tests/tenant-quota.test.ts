import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { operationSteps, tenants } from "@/db/schema";
import { combineDrivers } from "@/lib/cloud/composite-driver";
import { createKubernetesDriver } from "@/lib/cloud/kubernetes";
import { updateTenantSettings } from "@/lib/tenants/update-tenant-settings";
import { testDatabases, useDatabase } from "./helpers/databases";
import { buildKubeconfig, startKubernetesApiServer } from "./helpers/kubernetes-api-server";
import { provisioningSetup } from "./helpers/provisioning";

const quotaPath = (tenant: string) => `/api/v1/namespaces/tenant-${tenant}/resourcequotas`;

describe.each(testDatabases())("a ready tenant's quota edit on $kind", (target) => {
  const database = useDatabase(target);
  let server: Awaited<ReturnType<typeof startKubernetesApiServer>>;
  beforeEach(async () => void (server = await startKubernetesApiServer()));
  afterEach(() => server.close());

  async function readyTenant(onCluster: boolean) {
    const { db } = database();
    const p = await provisioningSetup(db);
    const cluster = () => combineDrivers(null, createKubernetesDriver({ kubeconfig: buildKubeconfig(server.url) }));
    const run = (operationId: string) => p.run(operationId, onCluster ? { driverFor: async () => cluster() } : {});
    const { tenantId, operationId } = await p.create();
    await run(operationId);
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
    expect(tenant!.status).toBe("ready");
    const edit = async (quota: { cpu?: string; memory?: string; pods?: number } | null) => {
      const { operationId: next } = await updateTenantSettings(
        { db, actor: p.admin, ip: null },
        { tenant: tenant!.name, quota },
      );
      expect(next).toEqual(expect.any(String));
      expect(await run(next!)).toBe("finished");
      return next!;
    };
    return { p, tenant: tenant!, edit };
  }

  it("replaces the namespace's ResourceQuota hard limits on the cluster, then removes it", async () => {
    const { tenant, edit } = await readyTenant(true);
    expect(server.get(quotaPath(tenant.name), "tenant-quota")?.spec).toEqual({ hard: { pods: "10" } });
    await edit({ cpu: "2", memory: "4Gi", pods: 20 });
    expect(server.get(quotaPath(tenant.name), "tenant-quota")?.spec).toEqual({
      hard: { cpu: "2", memory: "4Gi", pods: "20" },
    });
    expect(server.requests.filter((r) => r.method === "PUT").map((r) => r.path)).toEqual([
      `${quotaPath(tenant.name)}/tenant-quota`,
    ]);
    const removal = await edit(null);
    expect(server.get(quotaPath(tenant.name), "tenant-quota")).toBeUndefined();
    const steps = await database().db.select().from(operationSteps).where(eq(operationSteps.operationId, removal));
    expect(steps.find((s) => s.key === "remove-quota")?.state).toBe("succeeded");
  });

  it("records the new limits in the local cloud, and the tenant stays ready", async () => {
    const { db } = database();
    const { p, tenant, edit } = await readyTenant(false);
    await edit({ pods: 30 });
    const quota = (await p.resources(tenant)).filter((r) => r.kind === "resource_quota");
    expect(quota.map((r) => r.attributes.hard)).toEqual([{ pods: 30 }]);
    expect((await db.select().from(tenants).where(eq(tenants.id, tenant.id)))[0]!.status).toBe("ready");
  });
});
