import type { Db } from "@/db/client";
import { logLines } from "@/db/schema";
import { generateLine, seededRandom, type Random } from "./log-messages";
import { telemetrySources, type TelemetrySource } from "./sources";

export type GenerateLogsOptions = { seed?: number; perSourcePerMinute?: number; batchSize?: number };
type NewLine = typeof logLines.$inferInsert;
export type LogTenant = { id: string; name: string; infrastructureId: string };

/** Steady lines with the odd burst (a deploy, a retry storm): how many lines one source writes in a span. */
function lineCount(random: Random, perMinute: number, spanMs: number): number {
  const burst = random() < 0.03 ? 5 + random() * 10 : 1;
  const expected = perMinute * burst * (0.5 + random()) * (spanMs / 60_000);
  return Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
}

/** Believable lines for each source in (from, to], a minute at a time, each minute's in order. */
export function* minutesOfLines(
  tenant: LogTenant,
  sources: TelemetrySource[],
  from: Date,
  to: Date,
  random: Random,
  perMinute: number,
) {
  for (let start = from.getTime(); start < to.getTime(); start += 60_000) {
    const end = Math.min(start + 60_000, to.getTime());
    const minute: NewLine[] = [];
    for (const source of sources) {
      for (let n = lineCount(random, perMinute, end - start); n > 0; n--) {
        // Strictly after `from`: the next run starts at the last line's time and must not repeat it.
        const at = new Date(Math.min(end, start + 1 + Math.floor(random() * (end - start))));
        minute.push({ tenantId: tenant.id, at, resource: source.name, ...generateLine(random, source) });
      }
    }
    yield minute.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}

// Lines of one or many tenants, inserted a batch at a time.
export function batchedLineInsert(db: Db, batchSize: number) {
  let batch: NewLine[] = [];
  let inserted = 0;
  const flush = async () => {
    if (batch.length) await db.insert(logLines).values(batch);
    inserted += batch.length;
    batch = [];
  };
  return {
    add: async (lines: NewLine[]) => {
      batch.push(...lines);
      if (batch.length >= batchSize) await flush();
    },
    done: async () => (await flush(), inserted),
  };
}

/** Inserts believable lines for each of the tenant's telemetry sources in (from, to]; returns how many. */
export async function generateLogs(db: Db, tenant: LogTenant, from: Date, to: Date, options: GenerateLogsOptions = {}) {
  const random = seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  const writer = batchedLineInsert(db, options.batchSize ?? 1000);
  const sources = await telemetrySources(db, tenant);
  const perMinute = options.perSourcePerMinute ?? 3;
  for (const minute of minutesOfLines(tenant, sources, from, to, random, perMinute)) await writer.add(minute);
  return writer.done();
}
