import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logLines, tenants } from "@/db/schema";
import { batchedLineInsert, minutesOfLines, type LogTenant } from "./generate-logs";
import { seededRandom } from "./log-messages";
import { readyLocalTenants, sourceKey, telemetrySourcesByTenant } from "./sources";

// The newest line's time of each tenant that has one: one statement, one index probe per tenant.
async function newestLineAt(db: Db, tenantIds: string[]): Promise<Map<string, Date>> {
  if (!tenantIds.length) return new Map();
  const result = await db.execute(sql`select t.id, (extract(epoch from l.at) * 1000)::float8 as ms
    from unnest(${sql.param(tenantIds)}::uuid[]) as t(id)
    cross join lateral (select at from ${logLines} where tenant_id = t.id order by at desc nulls last, id desc nulls last limit 1) l`);
  const { rows } = result as unknown as { rows: { id: string; ms: number }[] };
  return new Map(rows.map((r) => [r.id, new Date(Math.round(Number(r.ms)))]));
}

// Two workers on one PostgreSQL would otherwise write the same minutes twice: the tenants this one may write now.
async function lockTenantsLogs(tx: Db, tenantIds: string[]): Promise<Set<string>> {
  const result = await tx.execute(sql`select t.id from unnest(${sql.param(tenantIds)}::uuid[]) as t(id)
    where pg_try_advisory_xact_lock(hashtext('log_lines:' || t.id))`);
  return new Set((result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
}

/**
 * Tenants in groups of about `linesPerTransaction` lines to write: a tick's few lines for every
 * tenant in one transaction, a day's backfill a few tenants at a time, since PGlite serves nothing
 * else while a transaction is open.
 */
function groupsByLines<T>(items: T[], lines: (item: T) => number, linesPerTransaction: number): T[][] {
  const groups: T[][] = [[]];
  let inGroup = 0;
  for (const item of items) {
    if (inGroup >= linesPerTransaction) {
      groups.push([]);
      inGroup = 0;
    }
    groups.at(-1)!.push(item);
    inGroup += lines(item);
  }
  return groups.filter((g) => g.length);
}

/** For every ready tenant on a local infrastructure, lines from its last generated one (at most a day back) up to now. */
export async function generateRecentLogs(
  db: Db,
  now = new Date(),
  scope: { infrastructureId?: string } = {},
): Promise<{ tenants: number; lines: number }> {
  const ready = await readyLocalTenants(
    db,
    scope.infrastructureId ? eq(tenants.infrastructureId, scope.infrastructureId) : undefined,
  );
  const sources = await telemetrySourcesByTenant(db, ready);
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const fromOf = (newest: Map<string, Date>, id: string) => {
    const last = newest.get(id);
    return last && last > dayAgo ? last : dayAgo;
  };
  const perMinute = 3;
  const expected = await newestLineAt(
    db,
    ready.map((t) => t.id),
  );
  const expectedLines = (t: LogTenant) =>
    ((now.getTime() - fromOf(expected, t.id).getTime()) / 60_000) *
    perMinute *
    (sources.get(sourceKey(t))?.length ?? 0);
  let lines = 0;
  for (const group of groupsByLines(ready, expectedLines, 20_000)) {
    lines += await db.transaction(async (tx) => {
      const mine = await lockTenantsLogs(
        tx as unknown as Db,
        group.map((t) => t.id),
      );
      const newest = await newestLineAt(tx as unknown as Db, [...mine]);
      const writer = batchedLineInsert(tx as unknown as Db, 1000);
      const random = seededRandom(Math.floor(Math.random() * 2 ** 32));
      for (const tenant of group.filter((t) => mine.has(t.id))) {
        const from = fromOf(newest, tenant.id);
        if (from >= now) continue;
        for (const minute of minutesOfLines(tenant, sources.get(sourceKey(tenant)) ?? [], from, now, random, perMinute))
          await writer.add(minute);
      }
      return writer.done();
    });
  }
  return { tenants: ready.length, lines };
}
