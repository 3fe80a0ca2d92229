import { noise } from "./simulated-metrics";
import type { CloudAlarm } from "../contract";

const slotMs = 20 * 60_000;
const faultChance = 0.05;

// What the simulated cloud's own monitoring would say of a workload, a host or a database.
const faults = {
  workload: {
    name: (r: string) => `High 5xx rate on ${r}`,
    severity: "critical",
    reason: "More than 5% of requests failed over 5 minutes.",
  },
  host: {
    name: (r: string) => `Disk almost full on ${r}`,
    severity: "warning",
    reason: "The root volume is over 90% full.",
  },
  database: {
    name: (r: string) => `Free storage low on ${r}`,
    severity: "warning",
    reason: "FreeStorageSpace has been under 10% of the allocated storage for 15 minutes.",
  },
} as const;

/**
 * The local cloud's alarms: each workload, host and database is, now and then, in alarm for 20 minutes,
 * decided by its name and the time alone, so every worker sees the same faults.
 */
export function localAlarms(
  tenant: string,
  resources: { name: string; kind: keyof typeof faults }[],
  now: Date,
): CloudAlarm[] {
  const slot = Math.floor(now.getTime() / slotMs);
  return resources.map(({ name, kind }) => {
    const fault = faults[kind];
    const active = noise(tenant, name, "fault", slot) < faultChance;
    return {
      id: `local:${kind}:${name}`,
      name: fault.name(name),
      state: active ? "alarm" : "ok",
      severity: fault.severity,
      resource: name,
      reason: active ? fault.reason : "Back within limits.",
      since: new Date(slot * slotMs).toISOString(),
    };
  });
}
