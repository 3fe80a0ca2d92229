import type { CloudMetricName } from "../contract";

/** What a simulated database's metrics start from: its allocated storage, and when it was made. */
export type SimulatedDatabase = { name: string; storageGiB?: number; createdAt?: Date };

const minutesPerWeek = 7 * 24 * 60;
// An instance without a known size gets the smallest RDS allows.
const defaultStorageGiB = 20;

/**
 * A database's connections and free storage at one minute. Connections follow the day's load; used
 * space starts at 10–30% of the storage and grows by about 1% of it a week, so free storage shrinks
 * slowly and stops at zero.
 */
export function sampleDatabase(
  database: SimulatedDatabase,
  minute: number,
  load: number,
  scale: number,
  jitter: (name: string) => number,
): [CloudMetricName, number][] {
  const storage = database.storageGiB && database.storageGiB > 0 ? database.storageGiB : defaultStorageGiB;
  const bornMinute = database.createdAt ? Math.floor(database.createdAt.getTime() / 60_000) : minute;
  const weeks = Math.max(0, minute - bornMinute) / minutesPerWeek;
  const usedShare = 0.1 + 0.2 * (scale - 0.5) + 0.01 * weeks;
  // Temporary files come and go with the load: a little of the used space breathes.
  const used = storage * usedShare * (0.98 + 0.02 * load * jitter("temp"));
  const free = Math.min(storage, Math.max(0, storage - used));
  const connections = Math.round((2 + 40 * scale * load) * jitter("connections"));
  return [
    ["connections", connections],
    ["free_storage", Math.round(free * 100) / 100],
  ];
}
