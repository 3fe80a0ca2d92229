import type { Measurement } from "./load-run";
import { apiFloor, pageFloor, type Route } from "./load-routes";

/** The issue's targets (`/tenants` is the tenants list, held to the admin pages' share for a user too): throughput share of the route's floor at 32 connections, p99 within 2× the floor's, no errors at 64. */
export const targets = {
  connections: 32,
  errorsAt: 64,
  share: { "tenant page": 0.6, "tenant API": 0.6, "list page": 0.4, "admin page": 0.4 },
  p99Factor: 2,
  rssMiB: 500,
} as const;

const floorOf = (route: Route) => (route.kind === "tenant API" || route.kind === "api floor" ? apiFloor : pageFloor);
const at = (ms: Measurement[], route: string, connections: number) =>
  ms.find((m) => m.route === route && m.connections === connections);

export type Verdict = Record<string, string | number>;

/** One row per route: what it reached at 32 and 64 connections, what it had to, and whether it did. */
export function verdicts(routes: Route[], measurements: Measurement[]): Verdict[] {
  return routes.map((route) => {
    const floor = floorOf(route);
    const [mine, base, high] = [
      at(measurements, route.route, targets.connections),
      at(measurements, floor, targets.connections),
      at(measurements, route.route, targets.errorsAt),
    ];
    const wanted = route.kind in targets.share ? targets.share[route.kind as keyof typeof targets.share] : null;
    const share = mine && base ? mine.requestsPerSecond / base.requestsPerSecond : NaN;
    const p99Limit = base ? targets.p99Factor * base.p99Ms : NaN;
    const misses = [
      wanted !== null && !(share >= wanted) ? "throughput" : "",
      mine && !(mine.p99Ms <= p99Limit) ? "p99" : "",
      !high || high.errors > 0 ? "errors@64" : "",
      mine && mine.ok2xx === 0 ? "no 2xx" : "",
    ].filter(Boolean);
    return {
      route: route.route,
      kind: route.kind,
      "req/s@32": mine ? Math.round(mine.requestsPerSecond * 10) / 10 : "n/a",
      "share of floor": wanted === null ? "floor" : share.toFixed(3),
      "target share": wanted === null ? "-" : `≥ ${wanted}`,
      "p99@32 ms": mine?.p99Ms ?? "n/a",
      "p99 limit": Number.isFinite(p99Limit) ? `≤ ${p99Limit}` : "n/a",
      "errors@64": high ? high.errors + (high.timeouts ? ` (${high.timeouts} timeouts)` : "") : "n/a",
      result: misses.length ? `MISSED: ${misses.join(", ")}` : "met",
    };
  });
}

/** The peak RSS over the whole run against its limit. */
export function memoryVerdict(measurements: Measurement[], idleMiB: number): Verdict {
  const peak = Math.max(idleMiB, ...measurements.map((m) => m.peakRssMiB));
  return {
    "peak RSS MiB": Math.round(peak),
    limit: `≤ ${targets.rssMiB}`,
    result: peak <= targets.rssMiB ? "met" : "MISSED",
  };
}
