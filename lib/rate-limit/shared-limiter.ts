import { getTableName, lt, sql } from "drizzle-orm";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type LimitOptions = { keyPrefix: string; points: number; duration: number };

/**
 * A limiter whose budget lives in the database's rate_limits table, so every replica draws on the
 * same one. rate-limiter-flexible's PostgreSQL store speaks through our Db (PostgreSQL or PGlite
 * alike) rather than a pool of its own; the table comes from our migrations, not from the library.
 */
export function sharedLimiter(db: Db, options: LimitOptions): RateLimiterPostgres {
  return new RateLimiterPostgres({
    ...options,
    storeClient: queryThrough(db),
    storeType: "client",
    tableName: getTableName(rateLimits),
    tableCreated: true,
    // Expired rows are swept by the workers' periodic tasks (deleteExpiredRateLimits), not per instance.
    clearExpiredByTimeout: false,
  });
}

const byDatabase = new WeakMap<Db, Map<string, RateLimiterPostgres>>();

/**
 * One limiter per database and key prefix for the life of the process (the budget itself is in the
 * table); its limits are read only when it is first made, not on every request.
 */
export function limiterOnce(db: Db, keyPrefix: string, limits: () => Omit<LimitOptions, "keyPrefix">) {
  let limiters = byDatabase.get(db);
  if (!limiters) byDatabase.set(db, (limiters = new Map()));
  let limiter = limiters.get(keyPrefix);
  if (!limiter) limiters.set(keyPrefix, (limiter = sharedLimiter(db, { keyPrefix, ...limits() })));
  return limiter;
}

/** A limit from the environment: a positive whole number, or the default for anything else. */
export function configuredLimit(value: string | undefined, fallback: number): number {
  const configured = Number(value);
  return Number.isInteger(configured) && configured > 0 ? configured : fallback;
}

/** Seconds until `key` may go again when this use is over its budget; 0 when it may go now. */
export async function consumeOrWait(limiter: RateLimiterPostgres, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (result) {
    if (result instanceof RateLimiterRes) return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
    throw result;
  }
}

/** Rows whose window ended: a window that ended counts as empty anyway, so this only saves space. */
export async function deleteExpiredRateLimits(db: Db): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.expire, Date.now()));
}

type Row = Record<string, unknown>;
type Executed = { rows: Row[]; rowCount?: number | null; affectedRows?: number };

// The library sends pg-style `{ text, values }` with $n placeholders; drizzle binds each as a parameter.
function queryThrough(db: Db) {
  return {
    async query({ text, values = [] }: { text: string; values?: unknown[] }) {
      const parts = text.split(/\$(\d+)/);
      const query = sql.join(parts.map((part, i) => (i % 2 ? sql`${values[Number(part) - 1]}` : sql.raw(part))));
      const result = (await db.execute(query)) as unknown as Executed;
      // bigint comes back as text from pg and as a BigInt from PGlite; the library does arithmetic on it.
      const rows = result.rows.map((row) =>
        "expire" in row && row.expire !== null ? { ...row, expire: Number(row.expire) } : row,
      );
      return { rows, rowCount: result.rowCount ?? result.affectedRows ?? rows.length };
    },
  };
}
