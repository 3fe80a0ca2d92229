import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { context, propagation, trace } from "@opentelemetry/api";
import { afterAll, describe, expect, it, vi } from "vitest";
import { otlpTracesEndpoint, startTracing, tracingEnabled } from "@/lib/observability/tracing";

/** A bare OTLP/HTTP receiver on 127.0.0.1 that keeps every POST it gets. */
async function startOtlpReceiver() {
  const exports: { path: string; body: Buffer }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      exports.push({ path: request.url ?? "", body: Buffer.concat(chunks) });
      response.writeHead(200, { "content-type": "application/x-protobuf" }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    exports,
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("tracing", () => {
  it("is configured only by an OTLP endpoint", () => {
    expect(otlpTracesEndpoint({})).toBeUndefined();
    expect(otlpTracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: " " })).toBeUndefined();
    expect(otlpTracesEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toBe(
      "http://collector:4318/v1/traces",
    );
    expect(
      otlpTracesEndpoint({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://a:4318",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://b:4318/traces",
      }),
    ).toBe("http://b:4318/traces");
  });

  it("registers nothing when no endpoint is set, or when the SDK is disabled", async () => {
    expect(tracingEnabled({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:1", OTEL_SDK_DISABLED: "true" })).toBe(
      false,
    );
    vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", "");
    vi.stubEnv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "");
    expect(await startTracing()).toBe(false);
    vi.unstubAllEnvs();
  });

  describe("with an exporter endpoint", () => {
    let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
    afterAll(async () => {
      // The OpenTelemetry API keeps its providers on globalThis; leave none behind for other files.
      vi.unstubAllEnvs();
      trace.disable();
      context.disable();
      propagation.disable();
      await receiver?.close();
    });

    it("exports spans over OTLP/HTTP under the service name", async () => {
      receiver = await startOtlpReceiver();
      vi.stubEnv("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint);
      vi.stubEnv("OTEL_BSP_SCHEDULE_DELAY", "100");
      expect(await startTracing()).toBe(true);
      trace.getTracer("tracing-test").startActiveSpan("GET /api/health/ready", (span) => span.end());
      await expect.poll(() => receiver.exports.length, { timeout: 10_000 }).toBeGreaterThan(0);
      const [first] = receiver.exports;
      expect(first!.path).toBe("/v1/traces");
      expect(first!.body.includes("enclave")).toBe(true);
      expect(first!.body.includes("GET /api/health/ready")).toBe(true);
    });
  });
});
