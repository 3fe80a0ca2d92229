// npm run bench:load — the built portal under autocannon at the scale seed, on PostgreSQL (1,000
// tenants) and PGlite (100 tenants): throughput against two floors, latency, errors, memory
import { availableParallelism } from "node:os";
import { toRows } from "./load-run";
import { apiFloor } from "./load-routes";
import { runScenario, stopOnExit, type Scenario, type ScenarioResult } from "./load-scenario";
import { memoryVerdict, verdicts } from "./load-targets";
import { printResults } from "./report";

const local = ["localhost", "127.0.0.1", "::1", "[::1]"];
const databaseUrl = process.env.DATABASE_URL ?? "";
if (databaseUrl && !local.includes(new URL(databaseUrl).hostname)) {
  console.error(
    `bench:load refuses a non-local database (${new URL(databaseUrl).hostname}): it writes the scale seed into it.`,
  );
  process.exit(2);
}
const wanted = (process.env.LOAD_DATABASES ?? "postgres,pglite").split(",");
const scenarios: Scenario[] = [];
if (wanted.includes("postgres")) {
  if (databaseUrl)
    scenarios.push({
      name: "PostgreSQL",
      databaseUrl,
      tenants: Number(process.env.LOAD_TENANTS ?? 1000),
      users: Number(process.env.LOAD_USERS ?? 10000),
    });
  else
    console.log(
      "No DATABASE_URL: the PostgreSQL run is skipped (give a local database it may fill with the scale seed; see docs/benchmarks.md).",
    );
}
if (wanted.includes("pglite"))
  scenarios.push({
    name: "PGlite",
    databaseUrl: "",
    tenants: Number(process.env.LOAD_PGLITE_TENANTS ?? 100),
    users: Number(process.env.LOAD_PGLITE_USERS ?? 1000),
  });
const settings = {
  seconds: Number(process.env.LOAD_SECONDS ?? 10),
  connectionLevels: (process.env.LOAD_CONNECTIONS ?? "8,32,64").split(",").map(Number),
};

function report({ scenario, routes, measurements, idleMiB, load }: ScenarioResult): boolean {
  const title = `${scenario.name}, ${scenario.tenants} tenants / ${scenario.users} users, ${settings.seconds} s per run, load average ${load} (${availableParallelism()} cores)`;
  printResults(
    `load (${title}); errors = non-2xx + timeouts; vs health = req/s ÷ GET /api/health at the same connections`,
    toRows(measurements, apiFloor),
  );
  const rows = verdicts(routes, measurements);
  printResults(`targets (${title}): pages against /login, APIs against /api/health`, rows);
  const memory = memoryVerdict(measurements, idleMiB);
  printResults(`memory (${scenario.name}): the portal's process tree`, [memory]);
  return [...rows, memory].every((row) => row.result === "met");
}

stopOnExit();
let allMet = true;
for (const scenario of scenarios) {
  try {
    allMet = report(await runScenario(scenario, settings)) && allMet;
  } catch (error) {
    console.error(`bench:load (${scenario.name}) failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    allMet = false;
  }
}
console.log(allMet ? "\nEvery route met its target." : "\nSome targets were MISSED (see the targets tables).");
