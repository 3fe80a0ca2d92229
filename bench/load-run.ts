import { createRequire } from "node:module";
import { cpuSnapshot, cpuSpent } from "./load-cpu";
import { sampleRss } from "./load-memory";

// autocannon ships no types; this is the part of its programmatic API the bench uses.
type CannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  statusCodeStats: Record<string, { count: number }>;
};
type CannonOptions = {
  url: string;
  connections: number;
  /** Seconds to run, or else `amount` requests. */
  duration?: number;
  amount?: number;
  timeout?: number;
  headers?: Record<string, string>;
};
export const autocannon = createRequire(import.meta.url)("autocannon") as (
  options: CannonOptions,
) => Promise<CannonResult>;

export type Target = { route: string; path: string; cookie?: string };
export type Measurement = {
  route: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  ok2xx: number;
  statusCodes: Record<string, number>;
  timeouts: number;
  peakRssMiB: number;
  /** CPU time per completed request, of the portal's processes and of PostgreSQL's. */
  serverCpuMs: number;
  postgresCpuMs: number;
};

/** One autocannon run against a target while sampling the server tree's memory. */
export async function measure(
  baseUrl: string,
  target: Target,
  connections: number,
  seconds: number,
  serverPid: number,
): Promise<Measurement> {
  const memory = sampleRss(serverPid);
  const cpuBefore = cpuSnapshot(serverPid);
  const result = await autocannon({
    url: `${baseUrl}${target.path}`,
    connections,
    duration: seconds,
    timeout: 10,
    headers: target.cookie ? { cookie: target.cookie } : undefined,
  });
  const peak = memory.stop();
  const cpu = cpuSpent(cpuBefore, cpuSnapshot(serverPid));
  const perRequest = (seconds: number) => (result.requests.total ? (1000 * seconds) / result.requests.total : 0);
  return {
    route: target.route,
    connections,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // autocannon's errors already include its timeouts; non2xx counts 1xx, 3xx, 4xx and 5xx answers.
    errors: result.non2xx + result.errors,
    ok2xx: result["2xx"],
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    timeouts: result.timeouts,
    peakRssMiB: peak / 2 ** 20,
    serverCpuMs: perRequest(cpu.server),
    postgresCpuMs: perRequest(cpu.postgres),
  };
}

/** Warms a route (JIT, connection pool, caches) without recording anything. */
export async function warmUp(baseUrl: string, target: Target, seconds: number): Promise<void> {
  await autocannon({
    url: `${baseUrl}${target.path}`,
    connections: 4,
    duration: seconds,
    timeout: 10,
    headers: target.cookie ? { cookie: target.cookie } : undefined,
  });
}

export function statusOf(m: Measurement): string {
  if (m.ok2xx === 0) return "ALL ERRORS";
  return m.errors > 0 ? `${((100 * m.errors) / (m.errors + m.ok2xx)).toFixed(1)}% errors` : "ok";
}

/** Table rows; throughput is compared with the floor (GET /api/health) at the same connection count. */
export function toRows(measurements: Measurement[], floorRoute: string): Record<string, string | number>[] {
  const floor = new Map(
    measurements.filter((m) => m.route === floorRoute).map((m) => [m.connections, m.requestsPerSecond]),
  );
  return measurements.map((m) => {
    const base = floor.get(m.connections);
    return {
      route: m.route,
      connections: m.connections,
      "req/s": Math.round(m.requestsPerSecond * 10) / 10,
      "p50 ms": m.p50Ms,
      "p99 ms": m.p99Ms,
      errors: m.errors,
      status: statusOf(m),
      "peak RSS MiB": Math.round(m.peakRssMiB),
      "server CPU ms/req": Number(m.serverCpuMs.toFixed(1)),
      "pg CPU ms/req": Number(m.postgresCpuMs.toFixed(1)),
      "vs floor": base ? Number((m.requestsPerSecond / base).toFixed(3)) : "n/a",
    };
  });
}
