import { PermanentCloudError, type LocalCloudConfig } from "../contract";

// A simulated RDS instance's life, from timestamps in its row and the clock alone (no timers), so
// every worker and every restart sees the same state: creating → available, and on removal
// (backing-up →) deleting → gone.

const defaultReadySeconds = 60;

/** How long a database takes to become available: the infrastructure's config, else the environment, else a minute. */
export function databaseReadySeconds(config: LocalCloudConfig): number {
  const fromEnv = Number(process.env.ENCLAVE_LOCAL_DATABASE_READY_SECONDS);
  return config.databaseReadySeconds ?? (Number.isFinite(fromEnv) && fromEnv >= 0 ? fromEnv : defaultReadySeconds);
}

const after = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

/** What a new database row keeps: its settings and when it is available; never its password. */
export function newDatabaseAttributes(
  attributes: Record<string, unknown>,
  name: string,
  now: Date,
  readySeconds: number,
) {
  const kept = Object.fromEntries(Object.entries(attributes).filter(([key]) => key !== "masterPassword"));
  return { ...kept, endpoint: `${name}.local-rds.enclave.internal`, availableAt: after(now, readySeconds) };
}

/** Marks a removal: a final snapshot first when asked for, then the deletion itself. */
export function deletionAttributes(name: string, now: Date, readySeconds: number, finalSnapshot: boolean) {
  const half = readySeconds / 2;
  const snapshotUntil = finalSnapshot ? after(now, half) : undefined;
  return {
    deletionStartedAt: now.toISOString(),
    ...(snapshotUntil ? { snapshotUntil, finalSnapshot: `${name}-final-${now.getTime()}` } : {}),
    goneAt: after(now, finalSnapshot ? 2 * half : half),
  };
}

const passed = (at: unknown, now: Date) => typeof at === "string" && Date.parse(at) <= now.getTime();

/** RDS's word for the instance's state now; "gone" once its deletion has run its course. */
export function databaseStatus(attributes: Record<string, unknown>, now: Date): string {
  if (attributes.goneAt) {
    if (passed(attributes.goneAt, now)) return "gone";
    return attributes.snapshotUntil && !passed(attributes.snapshotUntil, now) ? "backing-up" : "deleting";
  }
  return passed(attributes.availableAt, now) ? "available" : "creating";
}

/** A create that finds its name taken by a database on its way out, as RDS refuses it. */
export function refuseWhileDeleting(name: string): never {
  throw new PermanentCloudError(`Database ${name} is being deleted; create it again once it is gone.`);
}
