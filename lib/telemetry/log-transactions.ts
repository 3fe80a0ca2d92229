import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logLines } from "@/db/schema";

// The newest line's time of each tenant that has one: one statement, one index probe per tenant.
export async function newestLineAt(db: Db, tenantIds: string[]): Promise<Map<string, Date>> {
  if (!tenantIds.length) return new Map();
  const result = await db.execute(sql`select t.id, (extract(epoch from l.at) * 1000)::float8 as ms
    from unnest(${sql.param(tenantIds)}::uuid[]) as t(id)
    cross join lateral (select at from ${logLines} where tenant_id = t.id order by at desc nulls last, id desc nulls last limit 1) l`);
  const { rows } = result as unknown as { rows: { id: string; ms: number }[] };
  return new Map(rows.map((r) => [r.id, new Date(Math.round(Number(r.ms)))]));
}

// Two workers on one PostgreSQL would otherwise write the same minutes twice: the tenants this one may write now.
export async function lockTenantsLogs(tx: Db, tenantIds: string[]): Promise<Set<string>> {
  const result = await tx.execute(sql`select t.id from unnest(${sql.param(tenantIds)}::uuid[]) as t(id)
    where pg_try_advisory_xact_lock(hashtext('log_lines:' || t.id))`);
  return new Set((result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
}

/**
 * Tenants in groups of about `linesPerTransaction` lines to write: a tick's few lines for every
 * tenant in one transaction, a backfill in slices, since PGlite serves nothing else while a
 * transaction is open (a fresh demo's day of lines in one took 3 s, and as long again on a busy machine).
 */
export function groupsByLines<T>(items: T[], lines: (item: T) => number, linesPerTransaction: number): T[][] {
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

/**
 * Each tenant's next slice of minutes within one transaction's budget of lines, in order: a slice
 * that stops short of now, and a tenant the budget did not reach, go on in a later transaction.
 */
export function slicesWithin<T extends { id: string }>(
  tenants: T[],
  fromOf: (id: string) => Date,
  now: Date,
  budget: number,
  linesPerMinute: (tenant: T) => number,
): { slices: { tenant: T; from: Date; until: Date }[]; unfinished: T[] } {
  const slices: { tenant: T; from: Date; until: Date }[] = [];
  const unfinished: T[] = [];
  for (const tenant of tenants) {
    const from = fromOf(tenant.id);
    if (from >= now) continue;
    if (budget <= 0) {
      unfinished.push(tenant);
      continue;
    }
    const perMinute = linesPerMinute(tenant);
    const minutes = Math.max(1, Math.floor(budget / Math.max(1, perMinute)));
    const until = new Date(Math.min(now.getTime(), from.getTime() + minutes * 60_000));
    if (until < now) unfinished.push(tenant);
    budget -= ((until.getTime() - from.getTime()) / 60_000) * perMinute;
    slices.push({ tenant, from, until });
  }
  return { slices, unfinished };
}
