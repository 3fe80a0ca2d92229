import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ForeignResourceError,
  PermanentCloudError,
  TransientCloudError,
  type CloudDriver,
  type ResourceKind,
  type ResourceRef,
  type ResourceSpec,
} from "@/lib/cloud/contract";
import { createKubernetesDriver } from "@/lib/cloud/kubernetes";
import { provisionPlan } from "@/lib/provisioning/plan";
import { buildKubeconfig, startKubernetesApiServer } from "./helpers/kubernetes-api-server";

const paths = {
  namespaces: "/api/v1/namespaces",
  serviceAccounts: (ns: string) => `/api/v1/namespaces/${ns}/serviceaccounts`,
  roleBindings: (ns: string) => `/apis/rbac.authorization.k8s.io/v1/namespaces/${ns}/rolebindings`,
  networkPolicies: (ns: string) => `/apis/networking.k8s.io/v1/namespaces/${ns}/networkpolicies`,
  resourceQuotas: (ns: string) => `/api/v1/namespaces/${ns}/resourcequotas`,
  deployments: (ns: string) => `/apis/apps/v1/namespaces/${ns}/deployments`,
  services: (ns: string) => `/api/v1/namespaces/${ns}/services`,
};

let server: Awaited<ReturnType<typeof startKubernetesApiServer>>;
let driver: CloudDriver;
beforeEach(async () => {
  server = await startKubernetesApiServer();
  driver = createKubernetesDriver({ kubeconfig: buildKubeconfig(server.url) });
});
afterEach(() => server.close());

function spec(kind: ResourceKind, name: string, attributes?: Record<string, unknown>, tenant = "acme"): ResourceSpec {
  return { kind, name, tenant, idempotencyKey: name, attributes, refs: { namespace: tenant } };
}

const kubernetesKinds = new Set<ResourceKind>([
  "namespace",
  "service_account",
  "role_binding",
  "network_policy",
  "resource_quota",
  "workload",
  "load_balancer",
]);

async function provisionNamespace(tenant = "acme") {
  return driver.ensure({ kind: "namespace", name: tenant, tenant, idempotencyKey: tenant });
}

describe("kubernetes driver: ensure", () => {
  it("creates the tenant's namespace with its label", async () => {
    const ref = await provisionNamespace();
    expect(ref).toMatchObject({ kind: "namespace", name: "acme", id: "acme", tenant: "acme" });
    expect(ref.attributes.uid).toEqual(expect.any(String));
    expect(server.get(paths.namespaces, "acme")?.metadata.labels).toMatchObject({ "enclave.io/tenant": "acme" });
  });

  it("creates a read and a write service account bound to view and edit in the namespace", async () => {
    await provisionNamespace();
    for (const access of ["read", "write"]) {
      await expect(driver.ensure(spec("service_account", `sa-${access}`, { access }))).resolves.toMatchObject({
        name: `acme-${access}`,
        id: `acme/acme-${access}`,
      });
    }
    await driver.ensure(spec("role_binding", "acme-read", { access: "read" }));
    await driver.ensure({
      ...spec("role_binding", "acme-write", { clusterRole: "edit" }),
      refs: { namespace: "acme", serviceAccount: "acme-write" },
    });
    await expect(driver.ensure(spec("role_binding", "acme-admin", { clusterRole: "cluster-admin" }))).rejects.toThrow(
      /only the view and edit roles/,
    );
    expect(server.get(paths.serviceAccounts("acme"), "acme-read")?.metadata).toMatchObject({
      namespace: "acme",
      labels: { "enclave.io/tenant": "acme" },
    });
    expect(server.get(paths.serviceAccounts("acme"), "acme-write")).toBeDefined();
    expect(server.get(paths.roleBindings("acme"), "acme-read")).toMatchObject({
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [{ kind: "ServiceAccount", name: "acme-read", namespace: "acme" }],
    });
    expect(server.get(paths.roleBindings("acme"), "acme-write")).toMatchObject({
      roleRef: { name: "edit" },
      subjects: [{ name: "acme-write" }],
    });
  });

  it("denies ingress from other namespaces by default and opens one inter-tenant rule on ports", async () => {
    await provisionNamespace();
    await driver.ensure(spec("network_policy", "default-deny-other-namespaces"));
    await driver.ensure(
      spec("network_policy", "from-globex-https", {
        sourceTenant: "globex",
        protocol: "tcp",
        fromPort: 443,
        toPort: 8443,
      }),
    );
    await driver.ensure(spec("network_policy", "from-office-dns", { cidr: "10.8.0.0/16", protocol: "udp", port: 53 }));

    expect(server.get(paths.networkPolicies("acme"), "default-deny-other-namespaces")?.spec).toEqual({
      podSelector: {},
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ podSelector: {} }] }],
    });
    expect(server.get(paths.networkPolicies("acme"), "from-globex-https")?.spec).toEqual({
      podSelector: {},
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { "enclave.io/tenant": "globex" } } }],
          ports: [{ protocol: "TCP", port: 443, endPort: 8443 }],
        },
      ],
    });
    expect(server.get(paths.networkPolicies("acme"), "from-office-dns")?.spec).toMatchObject({
      ingress: [{ from: [{ ipBlock: { cidr: "10.8.0.0/16" } }], ports: [{ protocol: "UDP", port: 53 }] }],
    });
  });

  it("sets the quota's hard limits and pins a workload to the tenant's namespace and nodes", async () => {
    await provisionNamespace();
    await driver.ensure(
      spec("resource_quota", "acme-quota", { hard: { "requests.cpu": "4", "requests.memory": "8Gi", pods: 20 } }),
    );
    const workload = await driver.ensure(spec("workload", "web", { image: "nginx:1.27", replicas: 2, port: 8080 }));

    expect(server.get(paths.resourceQuotas("acme"), "acme-quota")?.spec).toEqual({
      hard: { "requests.cpu": "4", "requests.memory": "8Gi", pods: "20" },
    });
    expect(workload).toMatchObject({ kind: "workload", id: "acme/web", tenant: "acme" });
    const deployment = server.get(paths.deployments("acme"), "web");
    expect(deployment?.metadata).toMatchObject({ namespace: "acme", labels: { "enclave.io/tenant": "acme" } });
    expect(deployment?.spec).toMatchObject({
      replicas: 2,
      template: {
        metadata: { labels: { "enclave.io/tenant": "acme" } },
        spec: {
          nodeSelector: { "enclave.io/tenant": "acme" },
          containers: [{ name: "web", image: "nginx:1.27", ports: [{ containerPort: 8080 }] }],
        },
      },
    });
  });

  it("adopts an existing object carrying the tenant's label, and refuses another tenant's", async () => {
    server.put(paths.namespaces, {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "acme", labels: { "enclave.io/tenant": "acme" } },
    });
    server.put(paths.namespaces, {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: "shared", labels: { "enclave.io/tenant": "globex" } },
    });
    const existingUid = server.get(paths.namespaces, "acme")?.metadata.uid;

    await expect(provisionNamespace()).resolves.toMatchObject({ id: "acme", attributes: { uid: existingUid } });
    const refusal = driver.ensure({ kind: "namespace", name: "shared", tenant: "acme", idempotencyKey: "shared" });
    await expect(refusal).rejects.toBeInstanceOf(ForeignResourceError);
    await expect(refusal).rejects.toThrow(/belongs to tenant globex/);
    expect(server.get(paths.namespaces, "shared")?.metadata.labels).toEqual({ "enclave.io/tenant": "globex" });
  });

  it("waits (transient) for a namespace of the tenant that is still terminating", async () => {
    server.put(paths.namespaces, {
      kind: "Namespace",
      metadata: { name: "acme", labels: { "enclave.io/tenant": "acme" } },
      status: { phase: "Terminating" },
    });
    await expect(provisionNamespace()).rejects.toBeInstanceOf(TransientCloudError);
  });
});

describe("kubernetes driver: the provisioning plan's steps", () => {
  it("accepts every Kubernetes step of the plan as the engine builds it", async () => {
    const results: Record<string, ResourceRef> = {};
    let sent = 0;
    // The plan lists every step after its dependencies; AWS steps get a stand-in result.
    for (const step of provisionPlan({ name: "acme", quota: { cpu: "2", memory: "4Gi", pods: 10 } })) {
      const stepSpec = step.spec(results);
      const isKubernetes = kubernetesKinds.has(stepSpec.kind);
      results[step.key] = isKubernetes
        ? await driver.ensure(stepSpec)
        : { ...stepSpec, id: stepSpec.name, attributes: {} };
      sent += isKubernetes ? 1 : 0;
    }

    const found = await driver.listTenantResources("acme");
    expect(found).toHaveLength(sent);
    expect(sent).toBe(7);
    expect(server.get(paths.roleBindings("tenant-acme"), "acme-write-edit")).toMatchObject({
      roleRef: { name: "edit" },
      subjects: [{ name: "acme-write", namespace: "tenant-acme" }],
    });
    expect(server.get(paths.resourceQuotas("tenant-acme"), "tenant-quota")?.spec).toEqual({
      hard: { cpu: "2", memory: "4Gi", pods: "10" },
    });
  });
});

describe("kubernetes driver: remove, list, errors, connectivity", () => {
  it("deletes objects by their namespace/name id, and a missing one counts as deleted", async () => {
    await provisionNamespace();
    await driver.ensure(spec("workload", "web", { image: "nginx" }));

    await driver.remove({ kind: "workload", name: "web", id: "acme/web", tenant: "acme" });
    expect(server.get(paths.deployments("acme"), "web")).toBeUndefined();
    await expect(
      driver.remove({ kind: "workload", name: "web", id: "acme/web", tenant: "acme" }),
    ).resolves.toBeUndefined();
    await driver.remove({ kind: "namespace", name: "acme", id: "acme", tenant: "acme" });
    await expect(
      driver.remove({ kind: "namespace", name: "acme", id: "acme", tenant: "acme" }),
    ).resolves.toBeUndefined();
    expect(server.requests.filter((request) => request.method === "DELETE").map((request) => request.path)).toEqual([
      "/apis/apps/v1/namespaces/acme/deployments/web",
      "/apis/apps/v1/namespaces/acme/deployments/web",
      "/api/v1/namespaces/acme",
      "/api/v1/namespaces/acme",
    ]);
  });

  it("lists the tenant's namespace and what is labeled in it, and nothing of other tenants", async () => {
    await provisionNamespace();
    await provisionNamespace("globex");
    await driver.ensure(spec("service_account", "sa", { access: "read" }));
    await driver.ensure(spec("network_policy", "default-deny"));
    await driver.ensure(spec("workload", "api", { image: "api:1" }, "globex"));

    const found = await driver.listTenantResources("acme");
    expect(found.map((ref) => `${ref.kind}:${ref.id}`)).toEqual([
      "namespace:acme",
      "service_account:acme/acme-read",
      "network_policy:acme/default-deny",
    ]);
    expect(found.every((ref) => ref.tenant === "acme")).toBe(true);
  });

  it("maps 429 and 503 to transient errors, other refusals to permanent ones", async () => {
    server.failNext(429, 503);
    await expect(provisionNamespace()).rejects.toBeInstanceOf(TransientCloudError);
    await expect(driver.listTenantResources("acme")).rejects.toBeInstanceOf(TransientCloudError);
    const orphan = driver.ensure({ ...spec("workload", "web", { image: "nginx" }), refs: { namespace: "missing" } });
    await expect(orphan).rejects.toBeInstanceOf(PermanentCloudError);
    await expect(orphan).rejects.toThrow('Kubernetes API answered 404: namespaces "missing" not found');
    await expect(driver.ensure(spec("workload", "no-image"))).rejects.toThrow(/needs attributes.image/);
  });

  it("reports the server's version, and a server it cannot reach as a transient failure", async () => {
    await expect(driver.checkConnectivity()).resolves.toEqual({ ok: true, detail: "Kubernetes v1.31.2" });
    await server.close();
    const connectivity = await driver.checkConnectivity();
    expect(connectivity.ok).toBe(false);
    expect(connectivity.detail).toMatch(/^Kubernetes API unreachable: /);
    await expect(provisionNamespace()).rejects.toBeInstanceOf(TransientCloudError);
    server = await startKubernetesApiServer();
  });

  it("reads a kubeconfig from a file and picks the requested context", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "enclave-kube-")), "config");
    writeFileSync(file, buildKubeconfig(server.url));
    await expect(
      createKubernetesDriver({ kubeconfig: file, context: "test" }).checkConnectivity(),
    ).resolves.toMatchObject({ ok: true });
    const wrongContext = await createKubernetesDriver({ kubeconfig: file, context: "nope" }).checkConnectivity();
    expect(wrongContext).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^Kubernetes configuration could not be loaded/),
    });
  });
});

describe("kubernetes driver: load balancers", () => {
  it("creates a LoadBalancer Service in front of the tenant's pods of one workload", async () => {
    await provisionNamespace();
    const ref = await driver.ensure(spec("load_balancer", "web-public", { workload: "web" }));
    await driver.ensure(spec("load_balancer", "api-tls", { workload: "api", port: 443, targetPort: 8443 }));
    await driver.ensure(spec("load_balancer", "api-named", { workload: "api", port: "8080", targetPort: "http" }));

    expect(ref).toMatchObject({
      kind: "load_balancer",
      name: "web-public",
      id: "acme/web-public",
      tenant: "acme",
      status: "pending",
    });
    expect(server.get(paths.services("acme"), "web-public")).toMatchObject({
      metadata: { namespace: "acme", labels: { "enclave.io/tenant": "acme" } },
      spec: {
        type: "LoadBalancer",
        selector: { "app.kubernetes.io/name": "web", "enclave.io/tenant": "acme" },
        ports: [{ protocol: "TCP", port: 80, targetPort: 80 }],
      },
    });
    expect(server.get(paths.services("acme"), "api-tls")?.spec).toMatchObject({
      ports: [{ port: 443, targetPort: 8443 }],
    });
    expect(server.get(paths.services("acme"), "api-named")?.spec).toMatchObject({
      ports: [{ port: 8080, targetPort: "http" }],
    });
    // The Service selects exactly the labels the workload's pods carry.
    await driver.ensure(spec("workload", "web", { image: "nginx" }));
    const podLabels = (
      server.get(paths.deployments("acme"), "web")?.spec as { template: { metadata: { labels: unknown } } }
    ).template.metadata.labels;
    expect((server.get(paths.services("acme"), "web-public")?.spec as { selector: unknown }).selector).toEqual(
      podLabels,
    );
  });

  it("refuses a load balancer without a workload or with a port that is not one", async () => {
    await provisionNamespace();
    await expect(driver.ensure(spec("load_balancer", "nowhere"))).rejects.toThrow(/needs attributes.workload/);
    await expect(
      driver.ensure(spec("load_balancer", "bad-port", { workload: "web", port: 70000 })),
    ).rejects.toBeInstanceOf(PermanentCloudError);
    expect(server.requests.filter((request) => request.path.includes("/services"))).toEqual([]);
  });

  it("adopts the tenant's existing Service, refuses another tenant's, and removes (already gone counts)", async () => {
    await provisionNamespace();
    const service = (name: string, owner: string) => ({
      apiVersion: "v1",
      kind: "Service",
      metadata: { name, namespace: "acme", labels: { "enclave.io/tenant": owner } },
      spec: { type: "LoadBalancer" },
    });
    server.put(paths.services("acme"), service("web-public", "acme"));
    server.put(paths.services("acme"), service("taken", "globex"));
    const uid = server.get(paths.services("acme"), "web-public")?.metadata.uid;

    await expect(driver.ensure(spec("load_balancer", "web-public", { workload: "web" }))).resolves.toMatchObject({
      id: "acme/web-public",
      attributes: { uid },
    });
    const refusal = driver.ensure(spec("load_balancer", "taken", { workload: "web" }));
    await expect(refusal).rejects.toBeInstanceOf(ForeignResourceError);
    await expect(refusal).rejects.toThrow(/belongs to tenant globex/);

    await driver.remove({ kind: "load_balancer", name: "web-public", id: "acme/web-public", tenant: "acme" });
    await expect(
      driver.remove({ kind: "load_balancer", name: "web-public", id: "acme/web-public", tenant: "acme" }),
    ).resolves.toBeUndefined();
    expect(server.get(paths.services("acme"), "web-public")).toBeUndefined();
    expect(server.get(paths.services("acme"), "taken")).toBeDefined();
    expect(server.requests.filter((request) => request.method === "DELETE").map((request) => request.path)).toEqual([
      "/api/v1/namespaces/acme/services/web-public",
      "/api/v1/namespaces/acme/services/web-public",
    ]);
  });
});

describe("kubernetes driver: listing details", () => {
  it("carries each object's status, creation time and labels, and a load balancer's address", async () => {
    await provisionNamespace();
    server.setStatus(paths.namespaces, "acme", { phase: "Active" });
    await driver.ensure(spec("workload", "web", { image: "nginx", replicas: 3 }));
    await driver.ensure(spec("workload", "idle", { image: "nginx", replicas: 0 }));
    await driver.ensure(spec("workload", "api", { image: "api:1" }));
    server.setStatus(paths.deployments("acme"), "web", { replicas: 3, readyReplicas: 2 });
    for (const name of ["by-name", "by-ip", "waiting"])
      await driver.ensure(spec("load_balancer", name, { workload: "web" }));
    server.setStatus(paths.services("acme"), "by-name", {
      loadBalancer: { ingress: [{ hostname: "a1b2.elb.example.com" }] },
    });
    server.setStatus(paths.services("acme"), "by-ip", { loadBalancer: { ingress: [{ ip: "203.0.113.7" }] } });
    await driver.ensure(spec("service_account", "sa", { access: "read" }));

    const found = await driver.listTenantResources("acme");
    const byId = Object.fromEntries(found.map((ref) => [`${ref.kind}:${ref.id}`, ref]));
    expect(Object.fromEntries(Object.entries(byId).map(([key, ref]) => [key, ref.status]))).toEqual({
      "namespace:acme": "Active",
      "service_account:acme/acme-read": undefined,
      "workload:acme/web": "2/3 ready",
      "workload:acme/idle": "scaled to 0",
      "workload:acme/api": "0/1 ready",
      "load_balancer:acme/by-name": "active",
      "load_balancer:acme/by-ip": "active",
      "load_balancer:acme/waiting": "pending",
    });
    expect(byId["load_balancer:acme/by-name"]!.attributes.address).toBe("a1b2.elb.example.com");
    expect(byId["load_balancer:acme/by-ip"]!.attributes.address).toBe("203.0.113.7");
    expect(byId["load_balancer:acme/waiting"]!.attributes).not.toHaveProperty("address");
    const stored: Partial<Record<ResourceKind, string>> = {
      namespace: paths.namespaces,
      service_account: paths.serviceAccounts("acme"),
      workload: paths.deployments("acme"),
      load_balancer: paths.services("acme"),
    };
    for (const ref of found) {
      const createdAt = server.get(stored[ref.kind]!, ref.name)?.metadata.creationTimestamp;
      expect(ref.createdAt).toBe(new Date(createdAt!).toISOString());
      expect(ref.tags).toEqual({ "enclave.io/tenant": "acme", "app.kubernetes.io/managed-by": "enclave" });
    }
  });
});
