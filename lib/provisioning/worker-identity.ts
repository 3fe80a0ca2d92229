import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

// The worker ids this process has handed out: another id with our pid is a predecessor's.
const ownIds = new Set<string>();

/** `${host}:${pid}:${random}`, the lease owner a worker writes; the host and pid let a successor prove it dead. */
export function newWorkerId(): string {
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  ownIds.add(id);
  return id;
}

/**
 * True only when the owner ran on this host and its process is gone: its pid no longer exists, or
 * it is our own pid under another id (a restarted container often gets its predecessor's pid).
 * Anything else — another host, a live pid, a name not made by newWorkerId — may be alive.
 */
export function isProvablyDead(owner: string): boolean {
  const [host, pidText, suffix, ...rest] = owner.split(":");
  if (rest.length > 0 || !suffix || host !== hostname() || !/^\d+$/.test(pidText!)) return false;
  const pid = Number(pidText);
  if (pid === process.pid) return !ownIds.has(owner);
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the pid exists but belongs to another user, so it is not provably gone.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
