#!/usr/bin/env node
// npm test: every check, in order, on PGlite and (when DATABASE_URL is set) on PostgreSQL too.
// Keeps going after a failure so one run shows everything; exits non-zero if anything failed.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed.mjs";
import { ensureChromium } from "./ensure-chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const results = [];

function step(name, run) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const ok = run();
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}
const exec = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status === 0;

const databases = process.env.DATABASE_URL ? "PGlite + PostgreSQL" : "PGlite only (set DATABASE_URL to add PostgreSQL)";
step("type check", () => exec(bin("next"), ["typegen"]) && exec(bin("tsc"), ["--noEmit"]));
step("lint", () => exec(bin("eslint"), ["--max-warnings", "0", "."]));
step("format (prettier --check)", () => exec(bin("prettier"), ["--check", "--log-level", "warn", "."]));
step("import cycles", () => exec("node", ["scripts/check-cycles.mjs"]));
step(`unit and integration tests (${databases})`, () => exec(bin("vitest"), ["run"]));
const built = step("production build", () => buildIfNeeded(root));
if (built && step("Chromium available", () => ensureChromium())) {
  if (process.env.DATABASE_URL)
    step("end-to-end tests in Chromium (PostgreSQL)", () => exec(bin("playwright"), ["test"]));
  step("end-to-end tests in Chromium (PGlite)", () => exec(bin("playwright"), ["test"], { DATABASE_URL: "" }));
}

console.log("\nstep                                              result   seconds");
for (const r of results) console.log(`${r.name.padEnd(50)}${(r.ok ? "pass" : "FAIL").padEnd(9)}${r.seconds}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
