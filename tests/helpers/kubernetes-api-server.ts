import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { KubeConfig } from "@kubernetes/client-node";
import { checkEksToken, type EksTokenExpectation } from "./eks-token-check";

export interface StoredObject {
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    labels?: Record<string, string>;
    creationTimestamp?: string;
  };
  [field: string]: unknown;
}

/** A pod for the log endpoint: its containers' logs, each line "RFC3339 message"; null is a container still being created. */
export interface TestPod {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  logs: Record<string, string | null>;
}

const namespacesPath = "/api/v1/namespaces";
// /api/v1/namespaces/{ns}/{resource}[/{name}] and /apis/{group}/{version}/namespaces/{ns}/{resource}[/{name}]
const namespacedPath = /^(\/(?:api\/v1|apis\/[^/]+\/[^/]+)\/namespaces\/([^/]+)\/[^/]+)(?:\/([^/]+))?$/;
const podLogPath = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/;
const podsPath = (namespace: string) => `/api/v1/namespaces/${namespace}/pods`;

/**
 * A small Kubernetes API server for the paths the driver uses: objects kept in memory per
 * collection, 201 on create, 409 on a duplicate, 404 when missing, label selectors on lists, PUT replaces.
 * With `eksToken`, it answers 401 as EKS does to any request without a valid token for that cluster.
 */
export async function startKubernetesApiServer({ eksToken }: { eksToken?: EksTokenExpectation } = {}) {
  const collections = new Map<string, Map<string, StoredObject>>();
  const faults: number[] = [];
  const requests: { method: string; path: string; query: Record<string, string> }[] = [];
  const bearerTokens: string[] = [];
  const tokenRefusals: string[] = [];
  const logs = new Map<string, string | null>();
  // While `held` is set, log reads wait for it: the test sees how many are in flight at once.
  const logReads = {
    inFlight: 0,
    maxInFlight: 0,
    held: null as Promise<void> | null,
    hold() {
      let release = () => {};
      logReads.held = new Promise<void>((resolve) => (release = resolve)).then(() => void (logReads.held = null));
      return release;
    },
  };
  const collection = (path: string) => collections.get(path) ?? collections.set(path, new Map()).get(path)!;

  function send(response: ServerResponse, status: number, body: unknown) {
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }
  function sendStatus(response: ServerResponse, code: number, reason: string, message: string) {
    send(response, code, {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: code < 300 ? "Success" : "Failure",
      reason,
      message,
      code,
    });
  }

  /** GET …/pods/{name}/log as the kubelet answers it: text/plain, honouring container, timestamps, sinceSeconds, tailLines, limitBytes. */
  async function serveLog(response: ServerResponse, url: URL, namespace: string, name: string) {
    const pod = collection(podsPath(namespace)).get(name);
    if (!pod) return sendStatus(response, 404, "NotFound", `pods "${name}" not found`);
    const containers = [...logs.keys()]
      .filter((key) => key.startsWith(`${namespace}/${name}/`))
      .map((key) => key.split("/")[2]!);
    const container = url.searchParams.get("container") ?? (containers.length === 1 ? containers[0]! : "");
    if (!containers.includes(container))
      return sendStatus(
        response,
        400,
        "BadRequest",
        `a container name must be specified for pod ${name}, choose one of: [${containers.join(" ")}]`,
      );
    const text = logs.get(`${namespace}/${name}/${container}`);
    if (text == null)
      return sendStatus(
        response,
        400,
        "BadRequest",
        `container "${container}" in pod "${name}" is waiting to start: ContainerCreating`,
      );
    logReads.inFlight += 1;
    logReads.maxInFlight = Math.max(logReads.maxInFlight, logReads.inFlight);
    await logReads.held;
    logReads.inFlight -= 1;
    const since = Number(url.searchParams.get("sinceSeconds") ?? NaN);
    const tail = Number(url.searchParams.get("tailLines") ?? NaN);
    let lines = text.split("\n").filter(Boolean);
    if (since > 0)
      lines = lines.filter((line) => Date.parse(line.slice(0, line.indexOf(" "))) >= Date.now() - since * 1000);
    if (tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
    if (url.searchParams.get("timestamps") !== "true") lines = lines.map((line) => line.slice(line.indexOf(" ") + 1));
    const body = Buffer.from(lines.map((line) => `${line}\n`).join(""));
    const limit = Number(url.searchParams.get("limitBytes") ?? NaN);
    response.writeHead(200, { "content-type": "text/plain" }).end(limit > 0 ? body.subarray(0, limit) : body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://localhost");
    const method = request.method ?? "GET";
    requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams) });
    if (eksToken) {
      bearerTokens.push(request.headers.authorization ?? "");
      const refusal = checkEksToken(request.headers.authorization, eksToken);
      if (refusal) tokenRefusals.push(refusal);
      if (refusal) return sendStatus(response, 401, "Unauthorized", `Unauthorized: ${refusal}`);
    }
    const fault = faults.shift();
    if (fault)
      return sendStatus(response, fault, fault === 429 ? "TooManyRequests" : "ServiceUnavailable", "injected fault");
    if (url.pathname === "/version") {
      return send(response, 200, {
        major: "1",
        minor: "31",
        gitVersion: "v1.31.2",
        gitCommit: "abc",
        gitTreeState: "clean",
        buildDate: "2025-01-01T00:00:00Z",
        goVersion: "go1.23",
        compiler: "gc",
        platform: "linux/amd64",
      });
    }
    const podLog = podLogPath.exec(url.pathname);
    if (podLog && method === "GET") {
      if (!collection(namespacesPath).has(podLog[1]!))
        return sendStatus(response, 404, "NotFound", `namespaces "${podLog[1]}" not found`);
      return serveLog(response, url, podLog[1]!, podLog[2]!);
    }
    const namespaced = namespacedPath.exec(url.pathname);
    const [path, namespace, name] = namespaced
      ? [namespaced[1]!, namespaced[2], namespaced[3]]
      : url.pathname.startsWith(namespacesPath)
        ? [namespacesPath, undefined, url.pathname.slice(namespacesPath.length + 1) || undefined]
        : [undefined, undefined, undefined];
    if (!path) return sendStatus(response, 404, "NotFound", `no route for ${url.pathname}`);
    if (namespace && !collection(namespacesPath).has(namespace))
      return sendStatus(response, 404, "NotFound", `namespaces "${namespace}" not found`);
    const objects = collection(path);

    if (method === "POST" && !name) {
      const body = JSON.parse(await readBody(request)) as StoredObject;
      if (objects.has(body.metadata.name))
        return sendStatus(response, 409, "AlreadyExists", `"${body.metadata.name}" already exists`);
      const stored = {
        ...body,
        metadata: {
          ...body.metadata,
          ...(namespace ? { namespace } : {}),
          uid: randomUUID(),
          resourceVersion: "1",
          creationTimestamp: new Date().toISOString(),
        },
      };
      objects.set(stored.metadata.name, stored);
      return send(response, 201, stored);
    }
    if (method === "GET" && !name) {
      const selector = url.searchParams.get("labelSelector") ?? "";
      const wanted = selector
        .split(",")
        .filter(Boolean)
        .map((term) => term.split("="));
      const items = [...objects.values()].filter((object) =>
        wanted.every(([key, value]) => object.metadata.labels?.[key!] === value),
      );
      return send(response, 200, { apiVersion: "v1", kind: "List", metadata: { resourceVersion: "1" }, items });
    }
    const found = name ? objects.get(name) : undefined;
    if (!name || !found) return sendStatus(response, 404, "NotFound", `"${name}" not found`);
    if (method === "GET") return send(response, 200, found);
    if (method === "PUT") {
      const body = JSON.parse(await readBody(request)) as StoredObject;
      const version = Number((found.metadata as { resourceVersion?: string }).resourceVersion ?? 1) + 1;
      const stored = { ...body, metadata: { ...found.metadata, resourceVersion: String(version) } };
      objects.set(name, stored);
      return send(response, 200, stored);
    }
    if (method === "DELETE") {
      objects.delete(name);
      if (path === namespacesPath)
        for (const key of collections.keys()) if (key.includes(`/namespaces/${name}/`)) collections.delete(key);
      return sendStatus(response, 200, "", "deleted");
    }
    return sendStatus(response, 405, "MethodNotAllowed", `${method} is not served here`);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendStatus(response, 500, "InternalError", String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** The Authorization header of each request, when an EKS token is required. */
    bearerTokens,
    /** Why each refused token was refused. */
    tokenRefusals,
    /** The stored object at a collection path, e.g. get("/api/v1/namespaces", "acme"). */
    get: (path: string, name: string) => collections.get(path)?.get(name),
    /** Stores an object as if someone else had created it. */
    put: (path: string, object: Omit<StoredObject, "metadata"> & { metadata: Omit<StoredObject["metadata"], "uid"> }) =>
      collection(path).set(object.metadata.name, {
        ...object,
        metadata: { uid: randomUUID(), creationTimestamp: new Date().toISOString(), ...object.metadata },
      }),
    /** Replaces an object's status, as its controller would (a ready Deployment, a Service's address). */
    setStatus: (path: string, name: string, status: unknown) => {
      const found = collections.get(path)?.get(name);
      if (!found) throw new Error(`no ${name} at ${path}`);
      found.status = status;
    },
    /** Stores a running pod and what its containers logged. */
    addPod: ({ namespace, name, labels, logs: containerLogs }: TestPod) => {
      const containers = Object.keys(containerLogs).map((container) => ({ name: container, image: "app" }));
      collection(podsPath(namespace)).set(name, {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name, namespace, labels, uid: randomUUID() },
        spec: { containers },
      });
      for (const [container, text] of Object.entries(containerLogs))
        logs.set(`${namespace}/${name}/${container}`, text);
    },
    /** How log reads overlapped; hold() keeps them waiting until its release is called. */
    logReads,
    /** The next requests answer with these statuses instead of being served. */
    failNext: (...statuses: number[]) => faults.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A kubeconfig for the test server, as the driver takes it (the kubeconfig's content). */
export function buildKubeconfig(server: string): string {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: "test", server, skipTLSVerify: true }],
    users: [{ name: "tester", token: "test-token" }],
    contexts: [{ name: "test", cluster: "test", user: "tester" }],
    currentContext: "test",
  });
  return config.exportConfig();
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
