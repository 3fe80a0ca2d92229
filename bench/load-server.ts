import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");

export type Portal = {
  pid: number;
  baseUrl: string;
  logFile: string;
  exited: () => boolean;
  stop: () => Promise<void>;
  killNow: () => void;
};

/** The first port from `from` that nothing listens on. */
export async function findFreePort(from: number, tries = 100): Promise<number> {
  for (let port = from; port < from + tries; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${from}–${from + tries - 1}.`);
}

/** `npm run seed:scale` (a no-op when already seeded), echoed as it runs; resolves with its output. */
export function runScaleSeed(env: NodeJS.ProcessEnv, tenants: number, users: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "npm",
      ["run", "--silent", "seed:scale", "--", "--tenants", String(tenants), "--users", String(users)],
      { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`npm run seed:scale exited with ${code}.`)),
    );
  });
}

export type LoadAccounts = { password: string; user: string; admin: string; busiest?: string };

/** The load accounts from seed:scale's JSON summary line, else its "password: …" line and the default names. */
export function accountsFromSeedOutput(output: string, fallback: { user: string; admin: string }): LoadAccounts | null {
  for (const line of output.split("\n").reverse()) {
    if (!line.startsWith('{"seedScale"')) continue;
    try {
      const { accounts } = (
        JSON.parse(line) as {
          seedScale: { accounts?: { password?: string; loadTest?: string; loadAdmin?: string; busiest?: string } };
        }
      ).seedScale;
      if (accounts?.password)
        return {
          password: accounts.password,
          user: accounts.loadTest ?? fallback.user,
          admin: accounts.loadAdmin ?? fallback.admin,
          busiest: accounts.busiest,
        };
    } catch {}
  }
  const password = /password\W*?[:=]\s*(\S+)/i.exec(output)?.[1];
  return password ? { password, ...fallback } : null;
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // Detached: the child leads its own process group, which holds the portal and any workers.
    process.kill(-child.pid!, signal);
  } catch {}
}

/** The node arguments of `npm start` (its heap bound, then scripts/start.mjs), without npm itself. */
function startArguments(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  if (command !== "node") throw new Error(`npm start runs ${command}, not node: update bench/load-server.ts.`);
  return args;
}

/** What `npm start` runs (builds when the sources changed) on the port, its output in logFile. */
export function startPortal(options: {
  port: number;
  databaseUrl: string;
  dataDir: string;
  secret: string;
  profileDir?: string;
}): Portal {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const logFile = path.join(options.dataDir, "server.log");
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, startArguments(), {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
      ENCLAVE_DATA_DIR: options.dataDir,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: options.secret,
      ENCLAVE_SEED_DEMO: "false",
      ENCLAVE_TELEMETRY: "false",
      // A scaled install serves pages from portal replicas and leaves the periodic work (1,400 alert
      // rules a tick on the scale seed) to `npm run worker` processes: measure the portal alone.
      ENCLAVE_IN_PROCESS_WORKER: "false",
      // A CPU profile per process, written when the portal stops (profile the built server only).
      ...(options.profileDir && {
        NODE_OPTIONS:
          `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(path.join(import.meta.dirname, "cpu-profile-hook.mjs")).href}`.trim(),
        ENCLAVE_CPU_PROFILE_DIR: options.profileDir,
      }),
    },
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((exited = true), resolve())));
  return {
    pid: child.pid!,
    baseUrl,
    logFile,
    exited: () => exited,
    killNow: () => exited || stopGroup(child, "SIGKILL"),
    async stop() {
      if (!exited) stopGroup(child, "SIGTERM");
      const timeout = setTimeout(() => stopGroup(child, "SIGKILL"), 10_000);
      await exit;
      clearTimeout(timeout);
      stopGroup(child, "SIGKILL");
    },
  };
}

export function tailOf(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server output)";
  }
}

/** Polls GET /api/health until it answers 200; fails when the server exits first or time runs out. */
export async function waitForHealth(portal: Portal, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let lastNote = started;
  let last = "no answer yet";
  while (Date.now() - started < timeoutMs) {
    if (portal.exited())
      throw new Error(
        `The portal exited before it was healthy. Its last output (${portal.logFile}):\n${tailOf(portal.logFile)}`,
      );
    try {
      const response = await fetch(`${portal.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `HTTP ${response.status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() - lastNote > 20_000) {
      console.log(
        `…waiting for ${portal.baseUrl}/api/health (${Math.round((Date.now() - started) / 1000)} s; building on first start)`,
      );
      lastNote = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(
    `The portal was not healthy after ${timeoutMs / 1000} s (last: ${last}). Its last output (${portal.logFile}):\n${tailOf(portal.logFile)}`,
  );
}
