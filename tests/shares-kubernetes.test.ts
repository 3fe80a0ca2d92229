import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { combineDrivers } from "@/lib/cloud/composite-driver";
import { createKubernetesDriver } from "@/lib/cloud/kubernetes";
import { createLocalDriver } from "@/lib/cloud/local";
import { revokeShare } from "@/lib/shares/revoke-share";
import { testDatabases, useDatabase } from "./helpers/databases";
import { buildKubeconfig, startKubernetesApiServer } from "./helpers/kubernetes-api-server";
import { shareSetup } from "./helpers/shares";

const policies = (namespace: string) => `/apis/networking.k8s.io/v1/namespaces/${namespace}/networkpolicies`;

let server: Awaited<ReturnType<typeof startKubernetesApiServer>>;
beforeEach(async () => {
  server = await startKubernetesApiServer();
});
afterEach(() => server.close());

describe.each(testDatabases())("a database share in a cluster on $kind", (target) => {
  const database = useDatabase(target);

  it("admits B's namespace on the database port with a NetworkPolicy in A's namespace, and revoking deletes it", async () => {
    const { db } = database();
    const kubernetes = createKubernetesDriver({ kubeconfig: buildKubeconfig(server.url) });
    // The account's kinds in the local cloud, the cluster's in the Kubernetes API test server.
    const driverFor = async (tenant: { infrastructureId: string }) =>
      combineDrivers(createLocalDriver(db, tenant.infrastructureId), kubernetes);
    const s = await shareSetup(db, { driverFor });
    const shareId = await s.ask("database", "orders", "connect");
    await s.p.run(await s.approve(shareId));
    expect(await s.shareRow(shareId)).toMatchObject({ state: "active" });
    const name = `share-${shareId.slice(0, 8)}`;
    const policy = server.get(policies(`tenant-${s.a.name}`), name);
    expect(policy?.spec).toEqual({
      podSelector: {},
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { "enclave.io/tenant": s.b.name } } }],
          ports: [{ protocol: "TCP", port: 5432 }],
        },
      ],
    });
    expect(policy?.metadata.labels).toMatchObject({ "enclave.io/tenant": s.a.name });

    const { operationId: removal } = await revokeShare(await s.within(s.bWriter, s.b.name), { shareId });
    await s.p.run(removal!);
    expect(server.get(policies(`tenant-${s.a.name}`), name)).toBeUndefined();
    expect(await s.cloud("security_group_rule")).toEqual([]);
    expect(await s.shareRow(shareId)).toMatchObject({ state: "revoked" });
  });
});
