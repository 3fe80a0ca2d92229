import { existsSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import path from "node:path";

/**
 * Why this command may not open a PGlite data directory, or null when it may: PGlite allows one
 * opener, and a second one (this command beside a running portal) would corrupt the data.
 */
export function pgliteDirProblem(dir: string): string | null {
  if (!existsSync(path.join(dir, "PG_VERSION")))
    return `there is no database in ${dir}: start the portal once (npm start), set ENCLAVE_DATA_DIR to where its data is, or set DATABASE_URL.`;
  const holder = processHolding(realpathSync(dir));
  if (holder === null) return null;
  const who = holder === "unknown" ? "The portal seems to be" : `Process ${holder} (the portal?) is`;
  return `${who} running on ${dir}, and PGlite lets only one process open it: stop the portal and run this again, or run the portal on PostgreSQL (DATABASE_URL).`;
}

// Linux: a process with a file open inside the directory. Elsewhere: PGlite's postmaster.pid, there
// while it is open (and left behind by a crash: then starting and stopping the portal clears it).
function processHolding(dir: string): number | "unknown" | null {
  if (!existsSync("/proc/self/fd")) return existsSync(path.join(dir, "postmaster.pid")) ? "unknown" : null;
  const inside = dir + path.sep;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    if (Number(pid) === process.pid) continue;
    for (const fd of list(`/proc/${pid}/fd`)) {
      if (link(`/proc/${pid}/fd/${fd}`)?.startsWith(inside)) return Number(pid);
    }
  }
  return null;
}

// Other users' processes, and those that end while being read, are skipped.
const list = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
const link = (file: string) => {
  try {
    return readlinkSync(file);
  } catch {
    return null;
  }
};
