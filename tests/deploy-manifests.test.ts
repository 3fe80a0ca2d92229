import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadAllYaml } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";

// The Docker build and the cluster cannot run here, so these read what they would be given.
const root = path.resolve(import.meta.dirname, "..");
const deployDir = path.join(root, "deploy");
type Manifest = {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
};
type Container = {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  [key: string]: unknown;
};
type PodSpec = { containers: Container[]; securityContext?: Record<string, unknown> };

const files = readdirSync(deployDir).filter((f) => f.endsWith(".yaml"));
const manifests = files.flatMap((f) =>
  (loadAllYaml(readFileSync(path.join(deployDir, f), "utf8")) as Manifest[]).map((m) => ({ file: f, m })),
);
const only = (kind: string, name?: string) =>
  manifests.filter(({ m }) => m.kind === kind && (!name || m.metadata.name === name)).map(({ m }) => m);
const podSpec = (m: Manifest) => (m as unknown as { spec: { template: { spec: PodSpec } } }).spec.template.spec;
const workloads = [...only("Deployment"), ...only("Job")];
const kustomization = only("Kustomization")[0] as unknown as {
  resources: string[];
  images: { name: string; newName: string }[];
};
const portal = only("Deployment", "enclave-portal")[0]!;
const worker = only("Deployment", "enclave-worker")[0]!;
const secret = only("Secret", "enclave-secrets")[0] as unknown as { stringData: Record<string, string> };
const envOf = (c: Container) => Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));

describe("Kubernetes manifests in deploy/", () => {
  it("hold every kind the install needs, and the kustomization lists all but the example Secret", () => {
    expect(new Set(manifests.map(({ m }) => m.kind))).toEqual(
      new Set(["Namespace", "Secret", "ConfigMap", "Job", "Deployment", "Service", "Kustomization"]),
    );
    expect(
      only("Deployment")
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(["enclave-portal", "enclave-worker"]);
    const listed = files.filter((f) => f !== "kustomization.yaml" && f !== "secret.example.yaml");
    expect([...kustomization.resources].sort()).toEqual(listed.sort());
  });

  it("run one image everywhere, the one the kustomization sets", () => {
    const images = new Set(workloads.flatMap((w) => podSpec(w).containers.map((c) => c.image)));
    expect([...images]).toEqual(["enclave"]);
    expect(kustomization.images.map((i) => i.name)).toEqual(["enclave"]);
  });

  it("probe the portal's liveness and readiness on its container port", () => {
    const [container] = podSpec(portal).containers as [
      Container & Record<string, { httpGet: { path: string; port: string | number } }>,
    ];
    const http = container.ports!.find((p) => p.name === "http")!;
    expect(http.containerPort).toBe(Number(envOf(container).PORT!.value));
    expect(container.livenessProbe!.httpGet.path).toBe("/api/health/live");
    expect(container.startupProbe!.httpGet.path).toBe("/api/health/live");
    expect(container.readinessProbe!.httpGet.path).toBe("/api/health/ready");
    for (const probe of ["livenessProbe", "startupProbe", "readinessProbe"])
      expect([http.name, http.containerPort]).toContain(container[probe]!.httpGet.port);
    const service = only("Service")[0] as unknown as {
      spec: { selector: Record<string, string>; ports: { targetPort: string }[] };
    };
    expect(service.spec.ports[0]!.targetPort).toBe(http.name);
    expect(service.spec.selector).toEqual(
      (portal as unknown as { spec: { selector: { matchLabels: Record<string, string> } } }).spec.selector.matchLabels,
    );
  });

  it("run portals without the in-process worker, two of each, and workers without any Service or port", () => {
    expect(envOf(podSpec(portal).containers[0]!).ENCLAVE_IN_PROCESS_WORKER!.value).toBe("false");
    expect((portal as unknown as { spec: { replicas: number } }).spec.replicas).toBe(2);
    expect(podSpec(worker).containers[0]!.command).toEqual(["node", "scripts/worker.mjs"]);
    expect(podSpec(worker).containers[0]!.ports).toBeUndefined();
    const selectors = only("Service").map(
      (s) => (s as unknown as { spec: { selector: Record<string, string> } }).spec.selector,
    );
    expect(
      selectors.every(
        (s) => s["app.kubernetes.io/component"] !== worker.metadata.labels!["app.kubernetes.io/component"],
      ),
    ).toBe(true);
  });

  it("reference only Secret keys the example defines, and every example key is used", () => {
    const refs = workloads.flatMap((w) =>
      podSpec(w).containers.flatMap((c) =>
        (c.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef] : [])),
      ),
    );
    expect(new Set(refs.map((r) => r.name))).toEqual(new Set(["enclave-secrets"]));
    expect(new Set(refs.map((r) => r.key))).toEqual(new Set(Object.keys(secret.stringData)));
    expect(Object.values(secret.stringData).every((v) => v.includes("CHANGE-ME"))).toBe(true);
  });

  it("migrate in a Job with the bundled migrator, documented as the step before the Deployments roll", () => {
    const job = only("Job", "enclave-migrate")[0]!;
    expect(podSpec(job).containers[0]!.command).toEqual(["node", "scripts/migrate.mjs"]);
    const operations = readFileSync(path.join(root, "docs", "operations.md"), "utf8");
    const wait = operations.indexOf("kubectl -n enclave wait --for=condition=complete job/enclave-migrate");
    expect(wait).toBeGreaterThan(-1);
    expect(operations.indexOf("kubectl apply -k deploy/", wait)).toBeGreaterThan(wait);
  });

  it("run every pod as the image's non-root user without privilege escalation", () => {
    for (const w of workloads) {
      const spec = podSpec(w);
      expect(spec.securityContext, w.metadata.name).toMatchObject({ runAsNonRoot: true, runAsUser: 1001 });
      for (const c of spec.containers)
        expect(c.securityContext, c.name).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
        });
      for (const c of spec.containers)
        expect((c as { resources?: { requests?: unknown } }).resources?.requests, c.name).toBeDefined();
    }
  });
});

describe("Dockerfile", () => {
  const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");
  const lines = dockerfile.split("\n").filter((l) => l.trim() && !l.trimStart().startsWith("#"));
  const npmStart: string = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.start;
  const stages = lines.filter((l) => l.startsWith("FROM ")).map((l) => l.split(/\s+AS\s+/i)[1]);

  it("builds in stages on Node 20 and ships only the standalone output and the bundled scripts", () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(stages).toEqual(["deps", "build", "runtime"]);
    expect(dockerfile).toMatch(/RUN npm ci\b/);
    expect(dockerfile).toMatch(/npm run build && node deploy\/bundle-scripts\.mjs \.next\/standalone\/scripts/);
    const runtime = lines.slice(lines.findIndex((l) => l.startsWith("FROM ") && l.endsWith("AS runtime")));
    expect(runtime.filter((l) => l.startsWith("COPY")).map((l) => l.split(/\s+/).slice(-2)[0])).toEqual([
      "/src/.next/standalone",
      "/src/.next/static",
      "/src/public",
    ]);
  });

  it("runs as a non-root user with a liveness HEALTHCHECK and server.js under a heap bound and admission control", () => {
    expect(lines.filter((l) => l.startsWith("USER "))).toEqual(["USER enclave"]);
    expect(dockerfile).toMatch(/HEALTHCHECK [^\n]*\\\n\s+CMD \[[^\n]*\/api\/health\/live/);
    // The same heap bounds as `npm start`: V8 would otherwise size the heap from the node's memory.
    const startFlags = npmStart
      .match(/^node ((?:--\S+ )+)scripts\/start\.mjs$/)![1]!
      .trim()
      .split(" ");
    expect(startFlags).toContain("--max-old-space-size=320");
    // start.mjs imports the admission control itself; the image preloads its bundle.
    const imageFlags = [...startFlags, "--import", "./scripts/admission.mjs"];
    expect(lines.at(-1)).toBe(`CMD ${JSON.stringify(["node", ...imageFlags, "server.js"]).replaceAll(",", ", ")}`);
    expect(dockerfile).toMatch(/ENCLAVE_IN_PROCESS_WORKER=true/);
  });
});
