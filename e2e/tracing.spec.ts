import { createServer } from "node:http";
import { expect, test } from "./support/test";
import { listen, startSecondPortal, type SecondPortal } from "./support/second-portal";

// A second portal from the same build, started with an OTLP endpoint pointing at a receiver here:
// what an operator gets by setting OTEL_EXPORTER_OTLP_ENDPOINT on the image.
const received: { path: string; body: Buffer }[] = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    received.push({ path: request.url ?? "", body: Buffer.concat(chunks) });
    response.writeHead(200).end();
  });
});
let portal: SecondPortal | undefined;
let portalUrl = "";

test.beforeAll(async () => {
  test.setTimeout(360_000);
  const otlpPort = await listen(receiver);
  portal = await startSecondPortal({
    name: "tracing",
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`, OTEL_BSP_SCHEDULE_DELAY: "200" },
  });
  portalUrl = portal.url;
});

test.afterAll(async () => {
  await portal?.stop();
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
