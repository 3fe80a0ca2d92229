import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { treeRssBytes } from "./load-memory";
import { routesFor, type Route } from "./load-routes";
import { measure, warmUp, type Measurement } from "./load-run";
import {
  accountsFromSeedOutput,
  findFreePort,
  runScaleSeed,
  startPortal,
  tailOf,
  waitForHealth,
  type Portal,
} from "./load-server";
import { assertServes } from "./load-session";

export type Scenario = { name: string; databaseUrl: string; tenants: number; users: number };
export type ScenarioResult = {
  scenario: Scenario;
  routes: Route[];
  measurements: Measurement[];
  idleMiB: number;
  load: string;
};
export type LoadSettings = { seconds: number; connectionLevels: number[] };

const defaultAccounts = { user: "loadtest@scale.enclave.local", admin: "loadadmin@scale.enclave.local" };
const running: { portal?: Portal; dataDir?: string } = {};

/** A signal or a crash must not leave a server behind on the shared machine. */
export function stopOnExit(): void {
  process.on("exit", () => running.portal?.killNow());
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the portal`);
      running.portal?.killNow();
      if (running.dataDir) rmSync(running.dataDir, { recursive: true, force: true });
      process.exit(130);
    });
  }
}

/** Seeds (PGlite: in a fresh data directory), starts the built portal on it, and runs every route at every level. */
export async function runScenario(scenario: Scenario, settings: LoadSettings): Promise<ScenarioResult> {
  const dataDir = (running.dataDir = mkdtempSync(path.join(tmpdir(), "enclave-load-")));
  const env = { ...process.env, DATABASE_URL: scenario.databaseUrl, ENCLAVE_DATA_DIR: dataDir };
  let failed = false;
  try {
    console.log(`\n== ${scenario.name}: ${scenario.tenants} tenants / ${scenario.users} users`);
    // Seed before the server starts, so it never serves a half-seeded database.
    const seedOutput = await runScaleSeed(env, scenario.tenants, scenario.users);
    const printed = accountsFromSeedOutput(seedOutput, defaultAccounts);
    const password = process.env.LOAD_PASSWORD ?? printed?.password;
    if (!password) throw new Error("seed:scale printed no password for the load accounts; set LOAD_PASSWORD.");
    const port = await findFreePort(Number(process.env.LOAD_PORT ?? 3300));
    const started = Date.now();
    const portal = (running.portal = startPortal({
      port,
      databaseUrl: scenario.databaseUrl,
      dataDir,
      secret: randomBytes(32).toString("base64url"),
      profileDir: process.env.LOAD_PROFILE_DIR,
    }));
    console.log(`Starting the portal on ${portal.baseUrl} (pid ${portal.pid}, output in ${portal.logFile})`);
    await waitForHealth(portal, Number(process.env.LOAD_START_TIMEOUT_SECONDS ?? 900) * 1000);
    const idleMiB = treeRssBytes(portal.pid) / 2 ** 20;
    console.log(`Healthy after ${Math.round((Date.now() - started) / 1000)} s; idle RSS ${Math.round(idleMiB)} MiB`);
    // LOAD_ROUTES=overview,metrics narrows the run to routes whose names hold one of the words (to profile one at a time).
    const only = process.env.LOAD_ROUTES?.split(",").map((word) => word.trim().toLowerCase());
    const routes = (await routesFor(portal.baseUrl, { ...(printed ?? defaultAccounts), password })).filter(
      (r) => !only || only.some((word) => r.route.toLowerCase().includes(word)),
    );
    for (const route of routes) await assertServes(portal.baseUrl, route.path, route.cookie);

    // The machine is shared: its load average says how much of the two cores the portal had.
    const loadBefore = loadavg()[0]!.toFixed(1);
    const measurements: Measurement[] = [];
    for (const route of routes) {
      await warmUp(portal.baseUrl, route, 2);
      for (const connections of settings.connectionLevels) {
        const m = await measure(portal.baseUrl, route, connections, settings.seconds, portal.pid);
        measurements.push(m);
        const codes = Object.entries(m.statusCodes)
          .map(([code, n]) => `${code}×${n}`)
          .join(" ");
        console.log(
          `${route.route} @ ${connections}: ${m.requestsPerSecond.toFixed(1)} req/s, p99 ${m.p99Ms} ms, ${m.errors} errors (${codes || "no answers"}${m.timeouts ? `, ${m.timeouts} timeouts` : ""})`,
        );
      }
      // The runs after a crash only count errors; what the server said before it died is the finding.
      if (portal.exited() && !failed) {
        failed = true;
        console.error(
          `The portal exited during ${route.route}. Its last output (kept in ${portal.logFile}):\n${tailOf(portal.logFile)}`,
        );
      }
    }
    return { scenario, routes, measurements, idleMiB, load: `${loadBefore} before, ${loadavg()[0]!.toFixed(1)} after` };
  } catch (error) {
    failed = true;
    if (running.portal) console.error(`The server's output is kept in ${running.portal.logFile}.`);
    throw error;
  } finally {
    await running.portal?.stop();
    running.portal = undefined;
    if (!failed) rmSync(dataDir, { recursive: true, force: true });
  }
}
