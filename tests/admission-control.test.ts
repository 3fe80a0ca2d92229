import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: plain ES modules (the image runs their bundle with node); they have no types.
import { bundleScripts } from "../deploy/bundle-scripts.mjs";
// @ts-expect-error: as above.
import { positiveInteger, withAdmissionControl } from "../scripts/admission-control.mjs";

type Held = { url: string; startedIn?: string; finish: () => void };
// Stands for the request context Next keeps in AsyncLocalStorage.
const requestContext = new AsyncLocalStorage<string>();

/** A real server whose listener holds each response until the test finishes it. */
async function serverWithHeldResponses(options: { limit: number; maxQueued: number }) {
  const held: Held[] = [];
  const arrived: string[] = [];
  const sockets = new Map<string, Socket>();
  const waiting: (() => void)[] = [];
  const changed = () => waiting.splice(0).forEach((wake) => wake());
  const listener = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const startedIn = requestContext.getStore();
    requestContext.run(request.url!, () => {
      // The response ends in its request's context, as Next's do.
      const finish = AsyncResource.bind(() => response.end(`done ${request.url}`));
      held.push({ url: request.url!, startedIn, finish });
    });
    changed();
  };
  const server = http.createServer(withAdmissionControl(listener, options));
  // Registered after the admission listener, so it runs once admission has decided on the request.
  server.on("request", (request: http.IncomingMessage) => {
    arrived.push(request.url!);
    sockets.set(request.url!, request.socket.on("close", changed));
    changed();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const until = async (state: () => boolean) => {
    while (!state()) await new Promise<void>((wake) => waiting.push(wake));
  };
  const get = (path: string, headers: http.OutgoingHttpHeaders = {}) => {
    const request = http.get({ port, host: "127.0.0.1", path, headers, agent: false });
    const answer = new Promise<{ status: number; body: string; retryAfter?: string }>((resolve, reject) => {
      request.on("error", reject);
      request.on("response", (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, body, retryAfter: response.headers["retry-after"] as string }),
        );
      });
    });
    return { request, answer };
  };
  open.push(() => new Promise((resolve) => server.close(resolve)));
  return { held, arrived, sockets, until, get };
}

const open: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

describe("admission control", () => {
  it("runs a request only when one before it has finished, in arrival order and its own async context", async () => {
    const s = await serverWithHeldResponses({ limit: 1, maxQueued: 10 });
    const first = s.get("/first");
    await s.until(() => s.held.length === 1);
    const second = s.get("/second");
    const third = s.get("/third");
    await s.until(() => s.arrived.length === 3);
    expect(s.held.map((h) => h.url)).toEqual(["/first"]);

    s.held[0]!.finish();
    expect(await first.answer).toMatchObject({ status: 200, body: "done /first" });
    await s.until(() => s.held.length === 2);
    expect(s.held.map((h) => h.url)).toEqual(["/first", "/second"]);
    s.held[1]!.finish();
    await s.until(() => s.held.length === 3);
    s.held[2]!.finish();
    expect(await second.answer).toMatchObject({ body: "done /second" });
    expect(await third.answer).toMatchObject({ body: "done /third" });
    // Not in the context of the request that freed its place: each would keep the one before alive.
    expect(s.held.map((h) => h.startedIn)).toEqual([undefined, undefined, undefined]);
  });

  it("lets health probes, static files and event streams through while every slot is taken", async () => {
    const s = await serverWithHeldResponses({ limit: 1, maxQueued: 10 });
    s.get("/t/dev");
    await s.until(() => s.held.length === 1);
    s.get("/api/health/live");
    s.get("/_next/static/chunks/app.js");
    s.get("/api/t/dev/logs/stream", { accept: "text/event-stream" });
    await s.until(() => s.held.length === 4);
    expect(s.held.map((h) => h.url)).toEqual([
      "/t/dev",
      "/api/health/live",
      "/_next/static/chunks/app.js",
      "/api/t/dev/logs/stream",
    ]);
    s.held.forEach((h) => h.finish());
  });

  it("answers 503 with Retry-After once the queue is full, and still serves what it queued", async () => {
    const s = await serverWithHeldResponses({ limit: 1, maxQueued: 1 });
    const running = s.get("/running");
    await s.until(() => s.held.length === 1);
    const queued = s.get("/queued");
    await s.until(() => s.arrived.length === 2);
    const refused = await s.get("/refused").answer;
    expect(refused).toEqual({ status: 503, body: "The portal is busy. Try again in a moment.\n", retryAfter: "1" });

    s.held[0]!.finish();
    await s.until(() => s.held.length === 2);
    s.held[1]!.finish();
    expect((await running.answer).status).toBe(200);
    expect(await queued.answer).toMatchObject({ status: 200, body: "done /queued" });
    expect(s.held.map((h) => h.url)).toEqual(["/running", "/queued"]);
  });

  it("skips a queued request whose client has gone", async () => {
    const s = await serverWithHeldResponses({ limit: 1, maxQueued: 10 });
    s.get("/running");
    await s.until(() => s.held.length === 1);
    const gone = s.get("/gone");
    gone.answer.catch(() => {});
    s.get("/next");
    await s.until(() => s.arrived.length === 3);
    gone.request.destroy();
    await s.until(() => s.sockets.get("/gone")!.destroyed);
    s.held[0]!.finish();
    await s.until(() => s.held.length === 2);
    expect(s.held.map((h) => h.url)).toEqual(["/running", "/next"]);
    s.held[1]!.finish();
  });

  it("refuses a setting that is not a whole number above 0, by name", () => {
    expect(positiveInteger({}, "ENCLAVE_MAX_CONCURRENT_REQUESTS", 16)).toBe(16);
    expect(positiveInteger({ ENCLAVE_MAX_CONCURRENT_REQUESTS: " 8 " }, "ENCLAVE_MAX_CONCURRENT_REQUESTS", 16)).toBe(8);
    for (const bad of ["0", "-3", "1.5", "many"])
      expect(() =>
        positiveInteger({ ENCLAVE_MAX_CONCURRENT_REQUESTS: bad }, "ENCLAVE_MAX_CONCURRENT_REQUESTS", 16),
      ).toThrow(`ENCLAVE_MAX_CONCURRENT_REQUESTS must be a whole number above 0, not "${bad}".`);
  });

  it("is bundled for the image as a preload plain Node runs, which refuses a bad setting at start", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "enclave-bundle-"));
    try {
      await bundleScripts(dir);
      const preload = ["--import", pathToFileURL(path.join(dir, "admission.mjs")).href];
      const serve = ["-e", "require('node:http').createServer(() => {}).listen(0, function () { this.close() })"];
      const run = (value: string) =>
        spawnSync(process.execPath, [...preload, ...serve], {
          encoding: "utf8",
          env: { ...process.env, ENCLAVE_MAX_CONCURRENT_REQUESTS: value },
        });
      const started = run("4");
      expect(started.status, started.stderr).toBe(0);
      expect(JSON.parse(started.stdout)).toMatchObject({
        component: "admission",
        message: "admission control on",
        concurrentRequests: 4,
        queuedRequests: 1024,
      });
      const refused = run("lots");
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim()).toBe('ENCLAVE_MAX_CONCURRENT_REQUESTS must be a whole number above 0, not "lots".');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
