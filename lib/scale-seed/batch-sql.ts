import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { ScaleContext } from "./scale-context";

// node-postgres and PGlite both answer db.execute with { rows }, typed differently.
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Runs an INSERT … RETURNING and answers how many rows it wrote; rows skipped by ON CONFLICT are not counted. */
export async function countInserted(db: Db, insertReturning: SQL): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`with inserted as (${insertReturning}) select count(*)::int as n from inserted`),
  );
  return row?.n ?? 0;
}

/** Answers a `select count(*)::int as n …`. */
export async function countRows(db: Db, query: SQL): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(query));
  return row?.n ?? 0;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export const isoStrings = (dates: (Date | null)[]) => dates.map((d) => (d ? d.toISOString() : null));

/**
 * Runs `work` on the tenants a batch at a time, each batch in a transaction holding the seed's
 * lock: tables without a natural key are filled only for tenants that have none of their rows
 * yet, and two seeders at once must not both see "none yet". Reports progress about ten times.
 */
export async function forTenantBatches(
  ctx: ScaleContext,
  label: string,
  batchSize: number,
  work: (tx: Db, tenantIds: string[]) => Promise<number>,
): Promise<number> {
  const batches = chunk(ctx.tenants, Math.max(1, batchSize));
  const every = Math.max(1, Math.ceil(batches.length / 10));
  let done = 0;
  let created = 0;
  for (const [i, batch] of batches.entries()) {
    created += await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`seed-scale:${ctx.prefix}`}))`);
      return work(
        tx as unknown as Db,
        batch.map((t) => t.id),
      );
    });
    done += batch.length;
    if (batches.length > 1 && ((i + 1) % every === 0 || i === batches.length - 1))
      ctx.progress(`  ${label}: ${done}/${ctx.tenants.length} tenants, ${created.toLocaleString("en")} rows`);
  }
  return created;
}

/** The ids of these tenants that have no row in `table` yet. */
export async function tenantsWithout(tx: Db, table: SQLWrapper, tenantIds: string[]): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(
      sql`select t.id from unnest(${sql.param(tenantIds)}::uuid[]) as t(id) where not exists (select 1 from ${table} x where x.tenant_id = t.id)`,
    ),
  );
  return rows.map((r) => r.id);
}

/** A number in [0, 1) from the text alone: steady per resource or tenant however the planner runs the query. */
export const unitHash = (text: SQL) =>
  sql`(('x' || substr(md5(${text}), 1, 8))::bit(32)::bigint / 4294967296.0)::float8`;
