#!/usr/bin/env node
// npm test: every check, in order, on PGlite and (when DATABASE_URL is set) on PostgreSQL too.
// Keeps going after a failure so one run shows everything; exits non-zero if anything failed.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { ensureChromium } from "./ensure-chromium.mjs";
import { outputTail, playwrightFailures, vitestFailures } from "./test-failures.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const results = [];

const reportsDir = path.join(root, "test-results", "reports");

// What failed is a courtesy to the reader: a report it cannot read must not hide the step table.
function named(failuresOf) {
  try {
    return failuresOf();
  } catch (error) {
    return [`(could not read the step's report: ${error.message})`];
  }
}

function step(name, run, failuresOf = () => []) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const ok = run();
  results.push({
    name,
    ok,
    seconds: ((Date.now() - started) / 1000).toFixed(1),
    failures: ok ? [] : named(failuresOf),
  });
  return ok;
}
const exec = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
// Shown as it runs and kept in a file, for a failure no report names (an error outside any test).
const execLogged = (log, cmd, args, env = {}) =>
  exec("bash", ["-o", "pipefail", "-c", '"$@" 2>&1 | tee "$STEP_LOG"', "bash", cmd, ...args], {
    ...env,
    STEP_LOG: log,
  });
const databases = process.env.DATABASE_URL ? "PGlite + PostgreSQL" : "PGlite only (set DATABASE_URL to add PostgreSQL)";
step("type check", () => exec(bin("next"), ["typegen"]) && exec(bin("tsc"), ["--noEmit"]));
step("lint", () => exec(bin("eslint"), ["--max-warnings", "0", "."]));
step("format (prettier --check)", () => exec(bin("prettier"), ["--check", "--log-level", "warn", "."]));
step("import cycles", () => exec("node", ["scripts/check-cycles.mjs"]));
rmSync(reportsDir, { recursive: true, force: true });
mkdirSync(reportsDir, { recursive: true });
// A test step keeps its JSON report and its output in reportsDir; when it fails, the tests the
// report names, or else the output's last lines, go under the step table.
function testStep(name, run, failuresIn) {
  const file = path.join(reportsDir, name.replace(/\W+/g, "-").replace(/^-|-$/g, ""));
  const [report, log] = [`${file}.json`, `${file}.log`];
  return step(
    name,
    () => run(report, log),
    () => {
      const failures = failuresIn(report);
      return failures.length > 0 ? failures : outputTail(log);
    },
  );
}
testStep(
  `unit and integration tests (${databases})`,
  (report, log) =>
    execLogged(log, bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${report}`]),
  (report) => vitestFailures(report, root),
);
const playwright = (name, env = {}) =>
  testStep(
    name,
    (report, log) =>
      execLogged(log, bin("playwright"), ["test", "--reporter=list,json"], {
        ...env,
        PLAYWRIGHT_JSON_OUTPUT_FILE: report,
      }),
    playwrightFailures,
  );
const built = step("production build", () => buildIfNeeded(root));
if (built && step("Chromium available", () => ensureChromium())) {
  if (process.env.DATABASE_URL) playwright("end-to-end tests in Chromium (PostgreSQL)");
  playwright("end-to-end tests in Chromium (PGlite)", { DATABASE_URL: "" });
}

console.log("\nstep                                              result   seconds");
for (const r of results) console.log(`${r.name.padEnd(50)}${(r.ok ? "pass" : "FAIL").padEnd(9)}${r.seconds}`);
for (const r of results.filter((result) => result.failures.length > 0)) {
  console.log(`\n${r.name} failed in:`);
  // The first few with their error's excerpt, the rest by name only, so the list stays short.
  r.failures
    .slice(0, 30)
    .forEach((failure, index) => console.log(`  ✗ ${index < 5 ? failure : failure.split("\n")[0]}`));
  if (r.failures.length > 30) console.log(`  … and ${r.failures.length - 30} more`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
