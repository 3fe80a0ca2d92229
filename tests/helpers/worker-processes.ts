import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

export type WorkerLogLine = {
  time?: string;
  level: string;
  message: string;
  operationId?: string;
  workerId?: string;
  step?: string;
  deadWorker?: string;
};
export type WorkerProcess = {
  child: ChildProcess;
  logs: WorkerLogLine[];
  stderr: string[];
  workerId?: string;
  exit?: string;
};

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Starts `npm run worker`'s script as real processes. Node runs it through tsx's loader directly
 * (no npx or tsx launcher in between), so a child's pid is the worker's and SIGKILL hits the worker.
 */
export function startWorkers(count: number, env: Record<string, string>): WorkerProcess[] {
  return Array.from({ length: count }, () => startProcess(["scripts/worker.ts"], env));
}

/**
 * Starts the portal's own start-up (lib/server/prepare.ts, as instrumentation.ts runs it in
 * `npm start`: database, in-process worker, resume, signal handling) without Next's HTTP server,
 * which would need a build. react-server is the condition Next gives it, for "server-only".
 */
export function startPortal(env: Record<string, string>): WorkerProcess {
  return startProcess(["--conditions=react-server", "tests/helpers/portal-process.ts"], env);
}

function startProcess(args: string[], env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const worker: WorkerProcess = { child, logs: [], stderr: [] };
  eachLine(child.stdout!, (line) => {
    const entry = parseLogLine(line);
    if (!entry) return;
    worker.logs.push(entry);
    if (entry.message === "worker started") worker.workerId = entry.workerId;
  });
  // Warnings and errors are JSON lines on stderr.
  eachLine(child.stderr!, (line) => {
    worker.stderr.push(line);
    const entry = parseLogLine(line);
    if (entry) worker.logs.push(entry);
  });
  child.on("exit", (code, signal) => (worker.exit = signal ?? `code ${code}`));
  return worker;
}

/** SIGKILLs every worker still running; for afterAll, so nothing outlives the test. */
export function killWorkers(workers: WorkerProcess[]): void {
  for (const { child, exit } of workers) if (!exit && child.pid) child.kill("SIGKILL");
}

/** Waits until every worker has said it started; fails at once, with its stderr, if one exits instead. */
export async function waitForWorkers(workers: WorkerProcess[], timeoutMs = 120_000): Promise<void> {
  await waitUntil(
    () => {
      const exited = workers.find((w) => w.exit);
      if (exited)
        throw new Error(`a worker exited (${exited.exit}) before starting:\n${exited.stderr.slice(-20).join("\n")}`);
      return workers.every((w) => w.workerId);
    },
    timeoutMs,
    "workers to start",
  );
}

/** The pid of a process that has already exited, for a lease owner that is provably dead. */
export function deadPid(): number {
  const { pid, status } = spawnSync(process.execPath, ["-e", ""]);
  if (status !== 0 || !pid) throw new Error("could not run a short-lived process");
  return pid;
}

export async function waitUntil(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function eachLine(stream: NodeJS.ReadableStream, onLine: (line: string) => void) {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop()!;
    lines.forEach(onLine);
  });
}

function parseLogLine(line: string): WorkerLogLine | null {
  try {
    return line.startsWith("{") ? (JSON.parse(line) as WorkerLogLine) : null;
  } catch {
    return null;
  }
}
