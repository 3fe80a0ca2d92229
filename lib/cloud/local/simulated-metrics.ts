import type { CloudMetricName } from "../contract";
import { sampleDatabase, type SimulatedDatabase } from "./simulated-database-metrics";

/** What emits the local cloud's telemetry: a workload, a host or a database (with its storage and age). */
export type SimulatedSource = Omit<SimulatedDatabase, "name"> & {
  name: string;
  kind: "workload" | "host" | "database";
};

/** A uniform number in [0, 1) from its inputs alone, so a minute's value never depends on where generation started. */
export function noise(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const c of parts.join("|")) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Every metric of one source at one minute: a daily rhythm, jitter, 15-minute bursts and rare error spikes. */
export function sampleSource(seed: number, source: SimulatedSource, minute: number): [CloudMetricName, number][] {
  const hour = (minute / 60) % 24;
  const daily = 0.55 + 0.35 * Math.sin(((hour - 8) / 24) * 2 * Math.PI);
  const burst =
    noise(seed, source.name, "burst", Math.floor(minute / 15)) < 0.06
      ? 1.6 + noise(seed, source.name, "size", Math.floor(minute / 15)) * 0.6
      : 1;
  const jitter = (name: string) => 0.9 + 0.2 * noise(seed, source.name, name, minute);
  const scale = 0.5 + noise(seed, source.name, "scale");
  const load = Math.min(daily * burst, 1.8);
  const cpu: [CloudMetricName, number] = ["cpu", round(Math.min(100, (8 + 50 * load) * jitter("cpu")))];
  // A database reports as RDS does: its CPU, open connections and free storage.
  if (source.kind === "database") return [cpu, ...sampleDatabase(source, minute, load, scale, jitter)];
  const host = source.kind === "host";
  const values: [CloudMetricName, number][] = [
    cpu,
    ["memory", round((host ? 6144 : 384) * scale * (0.75 + 0.2 * load) * jitter("memory"))],
    ["network_in", round((host ? 900 : 300) * scale * load * jitter("in"))],
    ["network_out", round((host ? 500 : 420) * scale * load * jitter("out"))],
  ];
  if (host) return values;
  const requests = round(900 * scale * load * jitter("requests"));
  const spike = noise(seed, source.name, "spike", Math.floor(minute / 10)) < 0.02;
  const errors = round(
    requests * (spike ? 0.05 + 0.1 * noise(seed, source.name, "spike-size", minute) : 0.002) * jitter("errors"),
  );
  return [...values, ["requests", requests], ["errors", errors]];
}
