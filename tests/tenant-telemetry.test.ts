import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { infrastructures } from "@/db/schema";
import { cloudLogTail } from "@/lib/telemetry/cloud-log-tail";
import { InvalidCursorError } from "@/lib/cloud/contract";
import {
  CloudTelemetryError,
  queryTenantMetrics,
  searchTenantLogs,
  tenantTelemetrySources,
  type TelemetryTenant,
} from "@/lib/telemetry/tenant-telemetry";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createInfrastructure } from "./helpers/factory";
import { buildKubeconfig, startKubernetesApiServer } from "./helpers/kubernetes-api-server";

let server: Awaited<ReturnType<typeof startKubernetesApiServer>>;
const now = Date.now();
const stamp = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
const labels = (app: string, tenant: string) => ({ "app.kubernetes.io/name": app, "enclave.io/tenant": tenant });

beforeAll(async () => {
  server = await startKubernetesApiServer();
  for (const owner of ["acme", "globex"])
    server.put("/api/v1/namespaces", {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: `tenant-${owner}`, labels: { "enclave.io/tenant": owner } },
    });
  server.addPod({
    namespace: "tenant-acme",
    name: "web-1",
    labels: labels("web", "acme"),
    logs: { web: `${stamp(30)} INFO started\n${stamp(20)} ERROR upstream failed\n` },
  });
  server.addPod({
    namespace: "tenant-globex",
    name: "api-1",
    labels: labels("api", "globex"),
    logs: { api: `${stamp(25)} globex secret\n` },
  });
});
afterAll(() => server.close());

// The portal's pages and APIs ask these functions; for a cluster they go to its pods' logs.
describe.each(testDatabases())("telemetry of a tenant on a Kubernetes infrastructure, on $kind", (target) => {
  const database = useDatabase(target);
  const tenantOn = async (kubeconfig: string): Promise<TelemetryTenant> => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    await db
      .update(infrastructures)
      .set({ driver: "kubernetes", config: { kubeconfig } })
      .where(eq(infrastructures.id, infra.id));
    return { id: crypto.randomUUID(), name: "acme", driver: "kubernetes", infrastructureId: infra.id };
  };
  const window = () => ({ from: new Date(now - 3_600_000), to: new Date(Date.now() + 60_000), limit: 100 });

  it("searches the pods' logs of its own namespace only, newest first", async () => {
    const tenant = await tenantOn(buildKubeconfig(server.url));
    const page = await searchTenantLogs(database().db, tenant, window());
    expect(page.lines.map((l) => [l.resource, l.level, l.message])).toEqual([
      ["web", "error", "ERROR upstream failed"],
      ["web", "info", "INFO started"],
    ]);
    expect(new Set(page.lines.map((l) => l.id)).size).toBe(2);
    expect((await searchTenantLogs(database().db, tenant, { ...window(), level: "error" })).lines).toHaveLength(1);
  });

  it("tails new lines once each, and refuses a cursor that is not its own", async () => {
    const tenant = await tenantOn(buildKubeconfig(server.url));
    const tail = cloudLogTail(database().db, tenant, {}, (now - 60_000) * 1000);
    expect((await tail()).map((l) => l.message)).toEqual(["INFO started", "ERROR upstream failed"]);
    expect(await tail()).toEqual([]);
    await expect(
      searchTenantLogs(database().db, tenant, { ...window(), cursor: "bm90LWEtY3Vyc29y" }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it("says in words when the cluster cannot be read, and has no metrics of its own", async () => {
    const tenant = await tenantOn(buildKubeconfig("http://127.0.0.1:1"));
    await expect(searchTenantLogs(database().db, tenant, window())).rejects.toThrow(CloudTelemetryError);
    await expect(searchTenantLogs(database().db, tenant, window())).rejects.toThrow(
      /^The cloud's logs could not be read: /,
    );
    const metrics = await queryTenantMetrics(
      database().db,
      { ...tenant },
      { metric: "cpu", from: new Date(now - 3_600_000), to: new Date(now), points: 60 },
    );
    expect(metrics.series).toEqual([{ resource: null, points: [] }]);
    expect(await tenantTelemetrySources(database().db, tenant)).toEqual([]);
  });
});
