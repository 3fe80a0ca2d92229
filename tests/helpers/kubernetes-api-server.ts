import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { KubeConfig } from "@kubernetes/client-node";

export interface StoredObject {
  metadata: { name: string; namespace?: string; uid: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

const namespacesPath = "/api/v1/namespaces";
// /api/v1/namespaces/{ns}/{resource}[/{name}] and /apis/{group}/{version}/namespaces/{ns}/{resource}[/{name}]
const namespacedPath = /^(\/(?:api\/v1|apis\/[^/]+\/[^/]+)\/namespaces\/([^/]+)\/[^/]+)(?:\/([^/]+))?$/;

/**
 * A small Kubernetes API server for the paths the driver uses: objects kept in memory per
 * collection, 201 on create, 409 on a duplicate, 404 when missing, label selectors on lists.
 */
export async function startKubernetesApiServer() {
  const collections = new Map<string, Map<string, StoredObject>>();
  const faults: number[] = [];
  const requests: { method: string; path: string }[] = [];
  const collection = (path: string) => collections.get(path) ?? collections.set(path, new Map()).get(path)!;

  function send(response: ServerResponse, status: number, body: unknown) {
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  }
  function sendStatus(response: ServerResponse, code: number, reason: string, message: string) {
    send(response, code, { kind: "Status", apiVersion: "v1", metadata: {}, status: code < 300 ? "Success" : "Failure", reason, message, code });
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? "/", "http://localhost");
    const method = request.method ?? "GET";
    requests.push({ method, path: url.pathname });
    const fault = faults.shift();
    if (fault) return sendStatus(response, fault, fault === 429 ? "TooManyRequests" : "ServiceUnavailable", "injected fault");
    if (url.pathname === "/version") {
      return send(response, 200, { major: "1", minor: "31", gitVersion: "v1.31.2", gitCommit: "abc", gitTreeState: "clean", buildDate: "2025-01-01T00:00:00Z", goVersion: "go1.23", compiler: "gc", platform: "linux/amd64" });
    }
    const namespaced = namespacedPath.exec(url.pathname);
    const [path, namespace, name] = namespaced
      ? [namespaced[1]!, namespaced[2], namespaced[3]]
      : url.pathname.startsWith(namespacesPath)
        ? [namespacesPath, undefined, url.pathname.slice(namespacesPath.length + 1) || undefined]
        : [undefined, undefined, undefined];
    if (!path) return sendStatus(response, 404, "NotFound", `no route for ${url.pathname}`);
    if (namespace && !collection(namespacesPath).has(namespace)) return sendStatus(response, 404, "NotFound", `namespaces "${namespace}" not found`);
    const objects = collection(path);

    if (method === "POST" && !name) {
      const body = JSON.parse(await readBody(request)) as StoredObject;
      if (objects.has(body.metadata.name)) return sendStatus(response, 409, "AlreadyExists", `"${body.metadata.name}" already exists`);
      const stored = { ...body, metadata: { ...body.metadata, ...(namespace ? { namespace } : {}), uid: randomUUID(), resourceVersion: "1" } };
      objects.set(stored.metadata.name, stored);
      return send(response, 201, stored);
    }
    if (method === "GET" && !name) {
      const selector = url.searchParams.get("labelSelector") ?? "";
      const wanted = selector.split(",").filter(Boolean).map((term) => term.split("="));
      const items = [...objects.values()].filter((object) => wanted.every(([key, value]) => object.metadata.labels?.[key!] === value));
      return send(response, 200, { apiVersion: "v1", kind: "List", metadata: { resourceVersion: "1" }, items });
    }
    const found = name ? objects.get(name) : undefined;
    if (!name || !found) return sendStatus(response, 404, "NotFound", `"${name}" not found`);
    if (method === "GET") return send(response, 200, found);
    if (method === "DELETE") {
      objects.delete(name);
      if (path === namespacesPath) for (const key of collections.keys()) if (key.includes(`/namespaces/${name}/`)) collections.delete(key);
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
    /** The stored object at a collection path, e.g. get("/api/v1/namespaces", "acme"). */
    get: (path: string, name: string) => collections.get(path)?.get(name),
    /** Stores an object as if someone else had created it. */
    put: (path: string, object: Omit<StoredObject, "metadata"> & { metadata: Omit<StoredObject["metadata"], "uid"> }) =>
      collection(path).set(object.metadata.name, { ...object, metadata: { uid: randomUUID(), ...object.metadata } }),
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
