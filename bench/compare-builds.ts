// npx tsx bench/compare-builds.ts <path> <url>@<pid> <url>@<pid> [...] — the portal CPU one request
// costs on each of several running builds (say, main and a change, served side by side from two
// worktrees on the same database), measured in alternating rounds. On a shared machine the load
// moves every run by a tenth or more; a ratio taken within each round cancels most of that.
import { createRequire } from "node:module";
import { cpuSnapshot, cpuSpent } from "./load-cpu";
import { signIn } from "./load-session";
import { median, printResults } from "./report";

type CannonResult = { requests: { total: number }; non2xx: number; errors: number };
type CannonOptions = { url: string; connections: number; amount: number; headers?: Record<string, string> };
const autocannon = createRequire(import.meta.url)("autocannon") as (options: CannonOptions) => Promise<CannonResult>;

const env = process.env;
const rounds = Number(env.COMPARE_ROUNDS ?? 7);
const requests = Number(env.COMPARE_REQUESTS ?? 300);
const connections = Number(env.COMPARE_CONNECTIONS ?? 8);
// Empty COMPARE_EMAIL requests the path signed out (for /login, which sends a signed-in visitor on).
const email = env.COMPARE_EMAIL ?? "loadtest@scale.enclave.local";
const password = env.COMPARE_PASSWORD ?? "enclave-scale-seed";

const [path, ...specs] = process.argv.slice(2);
const builds = specs.map((spec) => {
  const at = spec.lastIndexOf("@");
  return { url: spec.slice(0, at), pid: Number(spec.slice(at + 1)), runs: [] as number[] };
});
if (!path?.startsWith("/") || builds.length < 2 || builds.some((b) => !b.url || !(b.pid > 0))) {
  console.error("usage: npx tsx bench/compare-builds.ts <path> <url>@<pid> <url>@<pid> [...]");
  process.exit(2);
}

/** Portal CPU ms per request over one batch of requests; refuses a batch with any non-2xx answer. */
async function batch(build: (typeof builds)[number], amount: number, cookie?: string): Promise<number> {
  const before = cpuSnapshot(build.pid);
  const result = await autocannon({ url: build.url + path, connections, amount, headers: cookie ? { cookie } : {} });
  const bad = result.non2xx + result.errors;
  if (bad) throw new Error(`${build.url}${path}: ${bad} of ${amount} requests did not answer 2xx.`);
  return (1000 * cpuSpent(before, cpuSnapshot(build.pid)).server) / result.requests.total;
}

const cookies = await Promise.all(builds.map((b) => (email ? signIn(b.url, email, password) : undefined)));
for (const [i, build] of builds.entries()) await batch(build, 200, cookies[i]);
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
  for (const i of order) builds[i]!.runs.push(await batch(builds[i]!, requests, cookies[i]));
}

const base = builds[0]!;
printResults(
  `portal CPU per request of ${path}, ${rounds} alternating rounds of ${requests} requests at ${connections} connections`,
  builds.map((build) => ({
    build: build.url,
    "median CPU ms/req": Number(median(build.runs).toFixed(2)),
    "median ratio to first": Number(median(build.runs.map((ms, r) => ms / base.runs[r]!)).toFixed(3)),
    runs: build.runs.map((ms) => ms.toFixed(1)).join(" "),
  })),
);
