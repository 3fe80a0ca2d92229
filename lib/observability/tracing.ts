import { createLogger } from "./logger";

type Env = Record<string, string | undefined>;

/** Where @vercel/otel sends spans (OTLP over HTTP), built as it builds it; undefined when unset. */
export function otlpTracesEndpoint(env: Env = process.env): string | undefined {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base}/v1/traces` : undefined;
}

export function tracingEnabled(env: Env = process.env): boolean {
  return otlpTracesEndpoint(env) !== undefined && env.OTEL_SDK_DISABLED !== "true";
}

/**
 * Registers OpenTelemetry through @vercel/otel when an exporter endpoint is set; otherwise nothing,
 * since the library would export to localhost:4318 by default. It reads the standard OTEL_*
 * variables (endpoint, headers, protocol, sampler) from process.env itself.
 */
export async function startTracing(): Promise<boolean> {
  const env = process.env;
  if (!tracingEnabled(env)) return false;
  const endpoint = otlpTracesEndpoint(env)!;
  const serviceName = env.OTEL_SERVICE_NAME ?? "enclave";
  const { registerOTel } = await import("@vercel/otel");
  registerOTel({ serviceName });
  createLogger("tracing").info("exporting traces", { endpoint: withoutCredentials(endpoint), serviceName });
  return true;
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(an unparseable URL)";
  }
}
