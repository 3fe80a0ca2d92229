import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { batchedLineInsert, minutesOfLines, type LogTenant } from "./generate-logs";
import { seededRandom } from "./log-messages";
import { groupsByLines, lockTenantsLogs, newestLineAt, slicesWithin } from "./log-transactions";
import { readyLocalTenants, sourceKey, telemetrySourcesByTenant } from "./sources";

/**
 * For every ready tenant on a local infrastructure, lines from its last generated one (at most a day
 * back) up to now, in transactions of about `linesPerTransaction` lines (a tenant's backfill spans several).
 */
export async function generateRecentLogs(
  db: Db,
  now = new Date(),
  options: { infrastructureId?: string; linesPerTransaction?: number; seed?: number } = {},
): Promise<{ tenants: number; lines: number }> {
  const { infrastructureId, linesPerTransaction = 2_000 } = options;
  const random = seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  const ready = await readyLocalTenants(
    db,
    infrastructureId ? eq(tenants.infrastructureId, infrastructureId) : undefined,
  );
  const sources = await telemetrySourcesByTenant(db, ready);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const fromOf = (newest: Map<string, Date>, id: string) => {
    const last = newest.get(id);
    return last && last > dayAgo ? last : dayAgo;
  };
  const perMinute = 3;
  const linesPerMinute = (t: LogTenant) => perMinute * (sources.get(sourceKey(t))?.length ?? 0);
  // Each tenant's newest line as far as this worker knows: read once, then the end of its last slice.
  const expected = await newestLineAt(
    db,
    ready.map((t) => t.id),
  );
  const expectedLines = (t: LogTenant) =>
    Math.min(((now.getTime() - fromOf(expected, t.id).getTime()) / 60_000) * linesPerMinute(t), linesPerTransaction);
  let pending = ready;
  let lines = 0;
  while (pending.length) {
    const unfinished: LogTenant[] = [];
    for (const group of groupsByLines(pending, expectedLines, linesPerTransaction))
      lines += await db.transaction(async (transaction) => {
        const tx = transaction as unknown as Db;
        const mine = await lockTenantsLogs(
          tx,
          group.map((t) => t.id),
        );
        const newest = await newestLineAt(tx, [...mine]);
        const { slices, unfinished: rest } = slicesWithin(
          group.filter((t) => mine.has(t.id)),
          (id) => fromOf(newest, id),
          now,
          linesPerTransaction,
          linesPerMinute,
        );
        unfinished.push(...rest);
        const writer = batchedLineInsert(tx, 1000);
        for (const { tenant, from, until } of slices) {
          if (until < now) expected.set(tenant.id, until);
          for (const minute of minutesOfLines(
            tenant,
            sources.get(sourceKey(tenant)) ?? [],
            from,
            until,
            random,
            perMinute,
          ))
            await writer.add(minute);
        }
        return writer.done();
      });
    // The rest of a backfill goes on from where each slice ended (read again in its transaction);
    // a tenant another worker holds is left to it.
    pending = unfinished;
  }
  return { tenants: ready.length, lines };
}
