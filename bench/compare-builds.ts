// npx tsx bench/compare-builds.ts <path>[,<path>...] <url>@<pid> [<url>@<pid> ...] — the portal CPU
// one request costs, for each path on each of the running builds: a change against main (two
// worktrees served side by side on the same database), or several paths on one build (what a page
// costs beyond another). Measured in alternating rounds: on a shared machine the load moves every
// run by a tenth or more, and a ratio taken within each round cancels most of that.
// A path written signed-out:/login is requested without the session cookie. PostgreSQL's CPU is
// that of every backend of the machine's cluster, so it is read only when nothing else uses it.
import { cpuSnapshot, cpuSpent } from "./load-cpu";
import { autocannon } from "./load-run";
import { signIn } from "./load-session";
import { median, printResults } from "./report";

const env = process.env;
const rounds = Number(env.COMPARE_ROUNDS ?? 7);
const requests = Number(env.COMPARE_REQUESTS ?? 300);
const connections = Number(env.COMPARE_CONNECTIONS ?? 8);
// Empty COMPARE_EMAIL requests every path signed out.
const email = env.COMPARE_EMAIL ?? "loadtest@scale.enclave.local";
const password = env.COMPARE_PASSWORD ?? "enclave-scale-seed";
const signedOut = "signed-out:";

const [pathList, ...specs] = process.argv.slice(2);
const paths = (pathList ?? "").split(",").map((spec) => ({
  path: spec.replace(signedOut, ""),
  signedOut: spec.startsWith(signedOut) || !email,
}));
const builds = specs.map((spec) => {
  const at = spec.lastIndexOf("@");
  return { url: spec.slice(0, at), pid: Number(spec.slice(at + 1)), cookie: undefined as string | undefined };
});
const rows = builds.flatMap((build) =>
  paths.map((path) => ({ build, ...path, runs: [] as number[], postgres: [] as number[] })),
);
if (!paths.every((p) => p.path.startsWith("/")) || rows.length < 2 || builds.some((b) => !b.url || !(b.pid > 0))) {
  console.error(
    "usage: npx tsx bench/compare-builds.ts <path>[,<path>...] <url>@<pid> [<url>@<pid> ...] (two or more rows)",
  );
  process.exit(2);
}

type Row = (typeof rows)[number];

/** Portal and PostgreSQL CPU ms per request over one batch of requests; refuses a batch with any non-2xx answer. */
async function batch(row: Row, amount: number): Promise<{ server: number; postgres: number }> {
  const { build, path } = row;
  const before = cpuSnapshot(build.pid);
  const headers: Record<string, string> = !row.signedOut && build.cookie ? { cookie: build.cookie } : {};
  const result = await autocannon({ url: build.url + path, connections, amount, headers });
  const bad = result.non2xx + result.errors;
  if (bad) throw new Error(`${build.url}${path}: ${bad} of ${amount} requests did not answer 2xx.`);
  const spent = cpuSpent(before, cpuSnapshot(build.pid));
  const perRequest = (seconds: number) => (1000 * seconds) / result.requests.total;
  return { server: perRequest(spent.server), postgres: perRequest(spent.postgres) };
}

// Against the same path on the first build when there are several builds, else against the first path.
const baseOf = (row: Row) =>
  builds.length > 1 ? rows.find((r) => r.path === row.path && r.signedOut === row.signedOut)! : rows[0]!;

if (email) for (const build of builds) build.cookie = await signIn(build.url, email, password);
for (const row of rows) await batch(row, 200);
for (let round = 0; round < rounds; round++) {
  for (const row of round % 2 ? [...rows].reverse() : rows) {
    const { server, postgres } = await batch(row, requests);
    row.runs.push(server);
    row.postgres.push(postgres);
  }
}

printResults(
  `portal (ratio) and PostgreSQL CPU per request, ${rounds} alternating rounds of ${requests} requests at ${connections} connections`,
  rows.map((row) => ({
    build: row.build.url,
    path: row.signedOut ? `${row.path} (signed out)` : row.path,
    "median CPU ms/req": Number(median(row.runs).toFixed(2)),
    "median ratio": Number(median(row.runs.map((ms, r) => ms / baseOf(row).runs[r]!)).toFixed(3)),
    "median PostgreSQL CPU ms/req": Number(median(row.postgres).toFixed(2)),
    runs: row.runs.map((ms) => ms.toFixed(1)).join(" "),
  })),
);
