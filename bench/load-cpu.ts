import { readdirSync, readFileSync } from "node:fs";
import { processTree } from "./load-memory";

// Linux's /proc/<pid>/stat counts CPU in clock ticks, 100 a second on every platform Node runs on here.
const ticksPerSecond = 100;

function cpuOf(pid: number | string): { name: string; seconds: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // utime and stime are the 12th and 13th fields after the command name, which may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), seconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by the portal's process tree and by the machine's PostgreSQL processes.
 * CPU per request, unlike requests per second, hardly moves with what else the machine runs; the
 * PostgreSQL figure counts every database of the cluster, so other work on it shows there.
 */
export function cpuSeconds(serverPid: number): { server: number; postgres: number } {
  const server = processTree(serverPid).reduce((sum, pid) => sum + (cpuOf(pid)?.seconds ?? 0), 0);
  let postgres = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cpu = cpuOf(entry);
    if (cpu?.name.startsWith("postgres")) postgres += cpu.seconds;
  }
  return { server, postgres };
}
