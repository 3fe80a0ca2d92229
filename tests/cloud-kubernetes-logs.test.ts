import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PermanentCloudError, type CloudDriver, type CloudLogQuery } from "@/lib/cloud/contract";
import { createKubernetesDriver } from "@/lib/cloud/kubernetes";
import { buildKubeconfig, startKubernetesApiServer } from "./helpers/kubernetes-api-server";

let server: Awaited<ReturnType<typeof startKubernetesApiServer>>;
let driver: CloudDriver;
const now = Date.now();

/** A kubelet timestamp (RFC3339Nano, UTC) `secondsAgo` before the test started. */
const stamp = (secondsAgo: number, nanos = "000000") =>
  new Date(now - secondsAgo * 1000).toISOString().replace("Z", `${nanos}Z`);
const logText = (...lines: [number, string][]) =>
  lines.map(([secondsAgo, message]) => `${stamp(secondsAgo)} ${message}\n`).join("");
const podLabels = (app: string, tenant: string) => ({ "app.kubernetes.io/name": app, "enclave.io/tenant": tenant });
const lastHour = (extra: Partial<CloudLogQuery> = {}): CloudLogQuery => ({
  from: new Date(now - 3_600_000),
  to: new Date(now + 60_000),
  limit: 100,
  ...extra,
});

function addNamespace(name: string, owner: string) {
  server.put("/api/v1/namespaces", {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "enclave.io/tenant": owner } },
  });
}

beforeEach(async () => {
  server = await startKubernetesApiServer();
  driver = createKubernetesDriver({ kubeconfig: buildKubeconfig(server.url) });
  addNamespace("tenant-acme", "acme");
  addNamespace("tenant-globex", "globex");
  server.addPod({
    namespace: "tenant-acme",
    name: "web-1",
    labels: podLabels("web", "acme"),
    logs: {
      web: logText(
        [50, "INFO started"],
        [30, '{"level":"error","msg":"upstream failed"}'],
        [10, "<b>bold</b> & <script>alert(1)</script>"],
      ),
    },
  });
  server.addPod({
    namespace: "tenant-acme",
    name: "web-2",
    labels: podLabels("web", "acme"),
    logs: { web: logText([45, "WARNING cache cold"], [20, "GET /health 200"]) },
  });
  server.addPod({
    namespace: "tenant-acme",
    name: "worker-1",
    labels: podLabels("worker", "acme"),
    logs: {
      worker: logText([40, "ERROR job 7 failed"], [5, "debug tick"]),
      sidecar: logText([35, '{"level":40,"msg":"proxy slow"}']),
    },
  });
  server.addPod({ namespace: "tenant-acme", name: "web-3", labels: podLabels("web", "acme"), logs: { web: null } });
  // In the tenant's namespace but labelled for another tenant, and another tenant's own pod.
  server.addPod({
    namespace: "tenant-acme",
    name: "stray",
    labels: podLabels("web", "globex"),
    logs: { web: logText([15, "stray secret"]) },
  });
  server.addPod({
    namespace: "tenant-globex",
    name: "api-1",
    labels: podLabels("api", "globex"),
    logs: { api: logText([25, "globex secret"]) },
  });
});
afterEach(() => server.close());

const messages = (result: { lines: { message: string }[] }) => result.lines.map((line) => line.message);

describe("kubernetes driver: pod logs", () => {
  it("reads only the tenant's own namespace and pods, with timestamps and bounded reads", async () => {
    const result = await driver.readLogs!("acme", lastHour());
    expect(result.lines.map((line) => `${line.resource} ${line.level} ${line.message}`)).toEqual([
      "worker debug debug tick",
      "web info <b>bold</b> & <script>alert(1)</script>",
      "web info GET /health 200",
      'web error {"level":"error","msg":"upstream failed"}',
      'worker warn {"level":40,"msg":"proxy slow"}',
      "worker error ERROR job 7 failed",
      "web warn WARNING cache cold",
      "web info INFO started",
    ]);
    expect(result.lines[0]!.at).toBe(new Date(now - 5000).toISOString());
    expect(result.nextCursor).toBeNull();

    const paths = server.requests.map((request) => request.path);
    expect(
      paths.every(
        (path) => path === "/api/v1/namespaces/tenant-acme" || path.startsWith("/api/v1/namespaces/tenant-acme/"),
      ),
    ).toBe(true);
    expect(paths.filter((path) => /stray|globex/.test(path))).toEqual([]);
    expect(server.requests.find((request) => request.path.endsWith("/pods"))?.query.labelSelector).toBe(
      "enclave.io/tenant=acme",
    );
    const logReads = server.requests.filter((request) => request.path.endsWith("/log"));
    expect(logReads.map((request) => `${request.path.split("/")[6]}/${request.query.container}`).sort()).toEqual([
      "web-1/web",
      "web-2/web",
      "web-3/web",
      "worker-1/sidecar",
      "worker-1/worker",
    ]);
    for (const { query } of logReads) {
      expect(query).toMatchObject({
        timestamps: "true",
        tailLines: expect.any(String),
        limitBytes: expect.any(String),
      });
      expect(Number(query.sinceSeconds)).toBeGreaterThanOrEqual(3600);
    }
  });

  it("reads nothing from a namespace that is missing or carries another tenant's label", async () => {
    addNamespace("tenant-initech", "globex");
    server.addPod({
      namespace: "tenant-initech",
      name: "app",
      labels: podLabels("app", "initech"),
      logs: { app: logText([5, "initech line"]) },
    });
    await expect(driver.readLogs!("initech", lastHour())).resolves.toEqual({ lines: [], nextCursor: null });
    await expect(driver.readLogs!("hooli", lastHour())).resolves.toEqual({ lines: [], nextCursor: null });
    expect(server.requests.map((request) => request.path)).toEqual([
      "/api/v1/namespaces/tenant-initech",
      "/api/v1/namespaces/tenant-hooli",
    ]);

    server.requests.length = 0;
    for (const tenant of ["acme/pods/web-1", "acme,enclave.io/tenant!=acme", ""])
      await expect(driver.readLogs!(tenant, lastHour())).resolves.toEqual({ lines: [], nextCursor: null });
    await expect(driver.readLogs!("acme", lastHour({ resource: "web,app.kubernetes.io/name!=web" }))).resolves.toEqual({
      lines: [],
      nextCursor: null,
    });
    expect(server.requests).toEqual([]);
  });

  it("filters by resource (in the pod selector), level, text and time window", async () => {
    const worker = await driver.readLogs!("acme", lastHour({ resource: "worker" }));
    expect(messages(worker)).toEqual(["debug tick", '{"level":40,"msg":"proxy slow"}', "ERROR job 7 failed"]);
    expect(server.requests.find((request) => request.path.endsWith("/pods"))?.query.labelSelector).toBe(
      "enclave.io/tenant=acme,app.kubernetes.io/name=worker",
    );
    expect(
      server.requests
        .filter((request) => request.path.endsWith("/log"))
        .every((request) => request.path.includes("/pods/worker-1/")),
    ).toBe(true);

    expect(messages(await driver.readLogs!("acme", lastHour({ level: "error" })))).toEqual([
      '{"level":"error","msg":"upstream failed"}',
      "ERROR job 7 failed",
    ]);
    expect(messages(await driver.readLogs!("acme", lastHour({ level: "warn" })))).toEqual([
      '{"level":40,"msg":"proxy slow"}',
      "WARNING cache cold",
    ]);
    expect(messages(await driver.readLogs!("acme", lastHour({ text: "<SCRIPT>" })))).toEqual([
      "<b>bold</b> & <script>alert(1)</script>",
    ]);
    const window = { from: new Date(now - 40_000), to: new Date(now - 20_000) };
    expect(messages(await driver.readLogs!("acme", lastHour(window)))).toEqual([
      "GET /health 200",
      '{"level":"error","msg":"upstream failed"}',
      '{"level":40,"msg":"proxy slow"}',
      "ERROR job 7 failed",
    ]);
  });

  it("pages newest first with a cursor that continues with older lines and never repeats one", async () => {
    // Two lines of one nanosecond in different pods, so a page boundary can fall between them.
    server.addPod({
      namespace: "tenant-acme",
      name: "twin",
      labels: podLabels("twin", "acme"),
      logs: { twin: `${stamp(30)} twin line\n` },
    });
    const everything = messages(await driver.readLogs!("acme", lastHour()));
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await driver.readLogs!("acme", lastHour({ limit: 2, cursor }));
      pages.push(messages(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 20);
    expect(pages.flat()).toEqual(everything);
    expect(everything).toHaveLength(9);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2, 2, 1]);
    expect(cursor).toBeUndefined();
    expect(pages[1]).toEqual(["GET /health 200", "twin line"]);
    expect(pages[2]).toEqual(['{"level":"error","msg":"upstream failed"}', '{"level":40,"msg":"proxy slow"}']);

    const first = await driver.readLogs!("acme", lastHour({ limit: 3 }));
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const older = await driver.readLogs!("acme", lastHour({ limit: 100, cursor: first.nextCursor! }));
    expect(messages(older)).toEqual(everything.slice(3));
    expect(older.lines.every((line) => line.at < first.lines.at(-1)!.at)).toBe(true);
    expect(older.nextCursor).toBeNull();
    await expect(driver.readLogs!("acme", lastHour({ cursor: "not-a-cursor" }))).rejects.toBeInstanceOf(
      PermanentCloudError,
    );
  });

  it("reads pods in parallel, a few at a time", async () => {
    for (let index = 0; index < 10; index += 1) {
      server.addPod({
        namespace: "tenant-acme",
        name: `batch-${index}`,
        labels: podLabels("batch", "acme"),
        logs: { batch: logText([index + 1, `batch ${index}`]) },
      });
    }
    const release = server.logReads.hold();
    const reading = driver.readLogs!("acme", lastHour({ resource: "batch" }));
    await vi.waitFor(() => expect(server.logReads.inFlight).toBe(4));
    release();
    expect(messages(await reading)).toEqual(Array.from({ length: 10 }, (_, index) => `batch ${index}`));
    expect(server.logReads.maxInFlight).toBe(4);
  });
});
