import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..", "..");

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface SecondPortal {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Another portal from the same build as the one under test, on a port of its own, with settings
 * that one cannot have: an embedded database of its own (unless env gives DATABASE_URL), no demo
 * and no worker. Resolves once it answers; a fresh embedded database took over 90 s on a loaded
 * 2-core machine.
 */
export async function startSecondPortal(options: {
  name: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  ipc?: boolean;
}): Promise<SecondPortal> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = path.join(root, "test-results", `e2e-${options.name}-data`);
  rmSync(dataDir, { recursive: true, force: true });
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), path.join(root, ".next", "standalone", "server.js")],
    {
      stdio: options.ipc ? ["ignore", "ignore", "ignore", "ipc"] : "ignore",
      env: {
        ...process.env,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: "",
        ENCLAVE_DATA_DIR: dataDir,
        ENCLAVE_SEED_DEMO: "false",
        ENCLAVE_IN_PROCESS_WORKER: "false",
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: `e2e-only-${options.name}-secret`,
        ...options.env,
      },
    },
  );
  const live = () =>
    fetch(`${url}/api/health/live`).then(
      (r) => r.status,
      () => 0,
    );
  await expect.poll(live, { timeout: 300_000 }).toBe(200);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  return { url, child, stop };
}
