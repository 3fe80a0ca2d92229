import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "./support/test";

// A second portal from the same build, started with an OTLP endpoint pointing at a receiver here:
// what an operator gets by setting OTEL_EXPORTER_OTLP_ENDPOINT on the image.
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, "test-results", "e2e-tracing-data");
const received: { path: string; body: Buffer }[] = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    received.push({ path: request.url ?? "", body: Buffer.concat(chunks) });
    response.writeHead(200).end();
  });
});
let portal: ChildProcess | undefined;
let portalUrl = "";

async function listen(server: ReturnType<typeof createServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

test.beforeAll(async () => {
  // A fresh embedded database (initdb in WebAssembly) took over 90 s on a loaded 2-core machine.
  test.setTimeout(360_000);
  const otlpPort = await listen(receiver);
  const port = await freePort();
  portalUrl = `http://127.0.0.1:${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  portal = spawn(process.execPath, [path.join(root, ".next", "standalone", "server.js")], {
    stdio: "ignore",
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: "",
      ENCLAVE_DATA_DIR: dataDir,
      ENCLAVE_SEED_DEMO: "false",
      ENCLAVE_IN_PROCESS_WORKER: "false",
      NEXTAUTH_URL: portalUrl,
      NEXTAUTH_SECRET: "e2e-only-tracing-secret",
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
      OTEL_BSP_SCHEDULE_DELAY: "200",
    },
  });
  await expect
    .poll(
      () =>
        fetch(`${portalUrl}/api/health/live`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 300_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (portal?.exitCode === null) {
    const exited = new Promise((resolve) => portal!.once("exit", resolve));
    portal.kill("SIGTERM");
    await exited;
  }
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

test("the portal exports a trace of a request to the OTLP endpoint", async () => {
  await expect.poll(() => fetch(`${portalUrl}/api/health/ready`).then((r) => r.status), { timeout: 60_000 }).toBe(200);
  const traced = () => received.find((r) => r.path === "/v1/traces" && r.body.includes("/api/health/ready"));
  await expect.poll(() => traced() !== undefined, { timeout: 60_000 }).toBe(true);
  const body = traced()!.body;
  expect(body.length).toBeGreaterThan(0);
  // The resource's service.name, in the protobuf body as plain bytes.
  expect(body.includes("enclave")).toBe(true);
});
