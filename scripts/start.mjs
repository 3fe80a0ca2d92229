#!/usr/bin/env node
// npm start: build when the sources changed since the last build, then serve the standalone portal.
// The server itself migrates, seeds the demo and prints the URL and demo sign-in.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
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

// V8 sizes its heap from the machine's memory (gigabytes here) and lets garbage pile up to it;
// a bound keeps a portal replica's memory flat under load. 320 MB ran out at 64 concurrent renders
// of the tenant list (each holds about 2 MB until it is sent); 640 MB leaves room for that.
const heapMiB = Number(process.env.ENCLAVE_SERVER_HEAP_MB ?? 640);
const server = spawn(process.execPath, [`--max-old-space-size=${heapMiB}`, standaloneServer(root)], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
