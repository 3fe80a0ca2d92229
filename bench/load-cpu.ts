import { readdirSync, readFileSync } from "node:fs";
import { processTree } from "./load-memory";

// Linux's /proc/<pid>/stat counts CPU in clock ticks, 100 a second on every platform Node runs on here.
const ticksPerSecond = 100;

function cpuOf(pid: number | string): { name: string; seconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // utime and stime are the 12th and 13th fields after the command name, which may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {
      name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
      seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond,
    };
  } catch {
    return null;
  }
}

export type CpuSnapshot = { server: number; postgres: Map<string, number> };

/** CPU seconds used so far by the portal's process tree, and by each PostgreSQL process of the machine. */
export function cpuSnapshot(serverPid: number): CpuSnapshot {
  const server = processTree(serverPid).reduce((sum, pid) => sum + (cpuOf(pid)?.seconds ?? 0), 0);
  const postgres = new Map<string, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cpu = cpuOf(entry);
    if (cpu?.name.startsWith("postgres")) postgres.set(entry, cpu.seconds);
  }
  return { server, postgres };
}

/**
 * CPU seconds spent between two snapshots. A PostgreSQL backend that exits in between takes its
 * last stretch with it (so the figure can only be low, never negative); the PostgreSQL figure
 * counts every database of the cluster, so other work on it shows there. CPU per request moves
 * less than requests per second with what else the machine runs.
 */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): { server: number; postgres: number } {
  let postgres = 0;
  for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0);
  return { server: Math.max(0, after.server - before.server), postgres };
}
