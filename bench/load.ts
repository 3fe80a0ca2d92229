// npm run bench:load — the built portal under autocannon at the scale seed: throughput, latency, errors, memory
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { treeRssBytes } from "./load-memory";
import { measure, toRows, warmUp, type Measurement, type Target } from "./load-run";
import { accountsFromSeedOutput, findFreePort, runScaleSeed, startPortal, waitForHealth, type LoadAccounts, type Portal } from "./load-server";
import { assertServes, signIn, whoAmI } from "./load-session";
import { printResults } from "./report";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("bench:load needs DATABASE_URL, a local PostgreSQL database it may fill with the scale seed (see docs/benchmarks.md).");
  process.exit(2);
}
if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(new URL(databaseUrl).hostname)) {
  console.error(`bench:load refuses a non-local database (${new URL(databaseUrl).hostname}): it writes the scale seed into it.`);
  process.exit(2);
}

const seconds = Number(process.env.LOAD_SECONDS ?? 10);
const connectionLevels = (process.env.LOAD_CONNECTIONS ?? "8,32,64").split(",").map(Number);
const tenants = Number(process.env.LOAD_TENANTS ?? 1000);
const users = Number(process.env.LOAD_USERS ?? 10000);
const defaultAccounts = { user: "loadtest@scale.enclave.local", admin: "loadadmin@scale.enclave.local" };
const floorRoute = "GET /api/health (floor)";

let portal: Portal | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), "enclave-load-"));
// A signal or a crash must not leave a server behind on the shared machine.
process.on("exit", () => portal?.killNow());
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the portal`);
    portal?.killNow();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  });
}

/** Signs both accounts in and names the six routes: the floor, four tenant views as the user, the admin spend page. */
async function targetsFor(baseUrl: string, accounts: LoadAccounts): Promise<Target[]> {
  const userCookie = await signIn(baseUrl, accounts.user, accounts.password);
  const adminCookie = await signIn(baseUrl, accounts.admin, accounts.password);
  const [user, admin] = [await whoAmI(baseUrl, userCookie), await whoAmI(baseUrl, adminCookie)];
  if (admin.role !== "admin") throw new Error(`${accounts.admin} signed in with role ${admin.role}, not admin.`);
  const name = (user.tenants.find((t) => t.status === "ready") ?? user.tenants[0])?.name;
  if (!name) throw new Error(`${accounts.user} sees no tenant; the scale seed should grant it three.`);
  console.log(`${accounts.user} (${user.role}) sees ${user.tenants.length} tenants; benchmarking ${name}`);
  const tenant = encodeURIComponent(name);
  return [
    { route: floorRoute, path: "/api/health" },
    { route: "tenant overview", path: `/t/${tenant}`, cookie: userCookie },
    { route: "logs search", path: `/t/${tenant}/logs?q=timeout&range=24h`, cookie: userCookie },
    { route: "metrics API", path: `/api/t/${tenant}/metrics?metric=cpu&range=24h`, cookie: userCookie },
    { route: "billing page", path: `/t/${tenant}/billing`, cookie: userCookie },
    { route: "admin spend", path: "/admin/billing", cookie: adminCookie },
  ];
}

async function run(): Promise<void> {
  // Seed before the server starts, so it never serves a half-seeded database.
  const seedOutput = await runScaleSeed({ ...process.env, DATABASE_URL: databaseUrl }, tenants, users);
  const printed = accountsFromSeedOutput(seedOutput, defaultAccounts);
  const password = process.env.LOAD_PASSWORD ?? printed?.password;
  if (!password) throw new Error("seed:scale printed no password for the load accounts; set LOAD_PASSWORD.");
  const accounts = { ...(printed ?? defaultAccounts), password };
  const port = await findFreePort(Number(process.env.LOAD_PORT ?? 3300));
  const started = Date.now();
  portal = startPortal({ port, databaseUrl: databaseUrl!, dataDir, secret: randomBytes(32).toString("base64url") });
  console.log(`Starting the portal on ${portal.baseUrl} (pid ${portal.pid}, output in ${portal.logFile})`);
  await waitForHealth(portal, Number(process.env.LOAD_START_TIMEOUT_SECONDS ?? 900) * 1000);
  console.log(`Healthy after ${Math.round((Date.now() - started) / 1000)} s; idle RSS ${Math.round(treeRssBytes(portal.pid) / 2 ** 20)} MiB`);

  const targets = await targetsFor(portal.baseUrl, accounts);
  for (const target of targets) await assertServes(portal.baseUrl, target.path, target.cookie);

  // The machine is shared: its load average says how much of the two cores the portal had.
  const loadBefore = loadavg()[0]!.toFixed(1);
  const measurements: Measurement[] = [];
  for (const target of targets) {
    await warmUp(portal.baseUrl, target, 2);
    for (const connections of connectionLevels) {
      const m = await measure(portal.baseUrl, target, connections, seconds, portal.pid);
      measurements.push(m);
      const codes = Object.entries(m.statusCodes).map(([code, n]) => `${code}×${n}`).join(" ");
      console.log(`${target.route} @ ${connections}: ${m.requestsPerSecond.toFixed(1)} req/s, p99 ${m.p99Ms} ms, ${m.errors} errors (${codes || "no answers"}${m.timeouts ? `, ${m.timeouts} timeouts` : ""})`);
    }
  }
  console.log(`load average (1 min, ${availableParallelism()} cores): ${loadBefore} before the runs, ${loadavg()[0]!.toFixed(1)} after`);
  const rows = toRows(measurements, floorRoute);
  printResults(`load: ${seconds} s per run, ${tenants} tenants / ${users} users; errors = non-2xx + timeouts; vs floor = req/s ÷ GET /api/health req/s at the same connections`, rows);
  console.log(JSON.stringify({ targets: targets.map((t) => ({ route: t.route, path: t.path })), statusCodes: measurements.map((m) => ({ route: m.route, connections: m.connections, statusCodes: m.statusCodes })) }));
  if (measurements.some((m) => m.ok2xx === 0)) {
    console.error("At least one run answered no 2xx at all: its numbers measure an error page.");
    process.exitCode = 1;
  }
}

try {
  await run();
  rmSync(dataDir, { recursive: true, force: true });
} catch (error) {
  console.error(`bench:load failed: ${error instanceof Error ? error.message : String(error)}`);
  if (portal) console.error(`The server's output is kept in ${portal.logFile}.`);
  process.exitCode = 1;
} finally {
  await portal?.stop();
}
