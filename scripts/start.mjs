#!/usr/bin/env node
// npm start: build when the sources changed since the last build, then serve the standalone portal.
// The server itself migrates, seeds the demo and prints the URL and demo sign-in.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { randomBytes } from "node:crypto";
import { buildIfNeeded, standaloneServer } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "0.0.0.0";
const dataDir = path.resolve(root, process.env.ENCLAVE_DATA_DIR ?? "data");

function persistentSecret() {
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const env = {
  NEXT_TELEMETRY_DISABLED: "1",
  ...process.env,
  PORT: port,
  // server.js reads HOSTNAME, and changes into its own folder: relative paths must be made absolute.
  HOSTNAME: host,
  ENCLAVE_DATA_DIR: dataDir,
  ...(process.env.ENCLAVE_MIGRATIONS_DIR && {
    ENCLAVE_MIGRATIONS_DIR: path.resolve(root, process.env.ENCLAVE_MIGRATIONS_DIR),
  }),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? persistentSecret(),
  // The portal handles SIGTERM itself (lib/server/prepare.ts): Next's own handler exits before the in-process worker has drained.
  NEXT_MANUAL_SIG_HANDLE: "true",
  // Clients that keep connections alive (load balancers, Playwright's request context) reuse an
  // idle one at any moment; closed under them after Node's 5 s, the request fails with ECONNRESET.
  KEEP_ALIVE_TIMEOUT: process.env.KEEP_ALIVE_TIMEOUT ?? "65000",
};

if (!buildIfNeeded(root, env)) process.exit(1);

// V8 sizes its heap from the machine's memory (gigabytes here) and lets garbage grow to several times
// what is live; a bound keeps a portal replica's memory flat under load. What is live grows with the
// renders in flight, which admission.mjs caps. Semi-spaces of 32 MB (V8's default is 16) let more of a
// render's short-lived objects die before a scavenge copies them (docs/benchmarks.md, "Admission control").
const heapBound = `--max-old-space-size=${process.env.ENCLAVE_SERVER_HEAP_MB ?? 320}`;
const serverFlags = [heapBound, "--max-semi-space-size=32"];

const admission = path.join(import.meta.dirname, "admission.mjs");

if (serverFlags.every((flag) => process.execArgv.includes(flag))) {
  // `npm start` passes these flags to this process, so the server runs in it, as in the image: a
  // second Node process would add about 50 MiB of resident memory to do nothing but wait.
  Object.assign(process.env, env);
  await import(pathToFileURL(admission).href);
  await import(pathToFileURL(standaloneServer(root)).href);
} else {
  // V8 takes heap sizes only when a process starts: serve from a child that has them.
  const server = spawn(
    process.execPath,
    [...serverFlags, "--import", pathToFileURL(admission).href, standaloneServer(root)],
    { cwd: root, env, stdio: "inherit" },
  );
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
