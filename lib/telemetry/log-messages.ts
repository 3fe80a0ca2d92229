import type { TelemetrySource } from "./sources";

export type Random = () => number;
export type GeneratedLine = { level: string; message: string };

/** A small seeded generator (mulberry32), so tests can ask for the same lines twice. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const paths = [
  "/api/orders",
  "/api/orders/8812",
  "/api/cart",
  "/api/users/me",
  "/api/products?page=2",
  "/healthz",
  "/login",
  "/static/app.js",
  "/api/payments",
  "/api/search?q=shoes",
];
// Scanners put markup in request paths; the portal must show it as text.
const hostilePaths = ["/search?q=<script>alert(1)</script>", "/<img src=x onerror=alert(1)>"];
const jobs = ["send-email", "resize-image", "sync-inventory", "charge-card", "export-report"];
const tables = ["orders", "order_items", "customers", "inventory", "sessions"];

function accessLine(random: Random): GeneratedLine {
  const path = random() < 0.002 ? pick(random, hostilePaths) : pick(random, paths);
  const roll = random();
  const status =
    roll < 0.02
      ? pick(random, [500, 502, 503])
      : roll < 0.09
        ? pick(random, [400, 401, 404, 429])
        : pick(random, [200, 200, 200, 201, 204, 304]);
  const method = path.startsWith("/api/") && random() < 0.3 ? pick(random, ["POST", "PUT", "DELETE"]) : "GET";
  const ms = Math.round(status >= 500 ? 800 + random() * 4000 : 2 + random() ** 3 * 400);
  return {
    level: status >= 500 ? "error" : status >= 400 ? "warn" : "info",
    message: `${method} ${path} ${status} ${ms}ms`,
  };
}

function workerLine(random: Random): GeneratedLine {
  const job = pick(random, jobs);
  const id = Math.floor(random() * 1e6).toString(36);
  const roll = random();
  if (roll < 0.02) return { level: "error", message: `job ${job} (${id}) failed: timeout after 30000ms` };
  if (roll < 0.08)
    return {
      level: "warn",
      message: `job ${job} (${id}) retry ${1 + Math.floor(random() * 4)}/5: upstream returned 503`,
    };
  if (roll < 0.12)
    return {
      level: "debug",
      message: `queue ${job}: ${Math.floor(random() * 40)} waiting, ${Math.floor(random() * 4)} active`,
    };
  return { level: "info", message: `job ${job} (${id}) completed in ${Math.round(20 + random() * 900)}ms` };
}

function databaseLine(random: Random): GeneratedLine {
  const table = pick(random, tables);
  const roll = random();
  if (roll < 0.01)
    return {
      level: "error",
      message: `FATAL: remaining connection slots are reserved for non-replication superuser connections`,
    };
  if (roll < 0.1)
    return {
      level: "warn",
      message: `slow query (${Math.round(1000 + random() * 5000)} ms): SELECT * FROM ${table} WHERE updated_at > $1 ORDER BY id`,
    };
  if (roll < 0.15) return { level: "debug", message: `cache hit ratio ${(0.9 + random() * 0.099).toFixed(3)}` };
  if (roll < 0.4)
    return {
      level: "info",
      message: `automatic vacuum of table "app.public.${table}": index scans: 1, tuples removed: ${Math.floor(random() * 5000)}`,
    };
  return {
    level: "info",
    message: `checkpoint complete: wrote ${Math.floor(random() * 2000)} buffers (${(random() * 5).toFixed(1)}%)`,
  };
}

/** One believable line for a source: access lines for web workloads, jobs for workers, the database for hosts. */
export function generateLine(random: Random, source: TelemetrySource): GeneratedLine {
  if (source.kind === "host" || source.kind === "database") return databaseLine(random);
  if (/worker|job|queue|cron/.test(source.name)) return workerLine(random);
  return accessLine(random);
}
