import { and, asc, eq, gt, gte, ilike, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { logLines } from "@/db/schema";
import { InvalidCursorError, type CloudLogQuery, type LogFilters, type LogLineView } from "../contract";
import { escapeLike } from "@/db/escape-like";

// Microseconds, as the database keeps them: a millisecond cursor could skip or repeat lines.
const preciseAt = sql<string>`to_char(${logLines.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const columns = {
  id: logLines.id,
  at: preciseAt,
  level: logLines.level,
  resource: logLines.resource,
  message: logLines.message,
};
// The indexes are (…, at DESC NULLS LAST, id DESC NULLS LAST). A plain DESC means NULLS FIRST, which
// the planner cannot read from them, NOT NULL or not: it would then fetch the whole window and sort.
export const newestFirst = [sql`${logLines.at} desc nulls last`, sql`${logLines.id} desc nulls last`];

function filterConditions(f: LogFilters): (SQL | undefined)[] {
  return [
    f.level ? eq(logLines.level, f.level) : undefined,
    f.resource ? eq(logLines.resource, f.resource) : undefined,
    f.text ? ilike(logLines.message, `%${escapeLike(f.text)}%`) : undefined,
  ];
}

export function encodeCursor(line: { at: string; id: number }): string {
  return Buffer.from(JSON.stringify([line.at, line.id])).toString("base64url");
}

export function decodeCursor(cursor: string): { at: string; id: number } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown[];
    if (typeof at === "string" && !Number.isNaN(Date.parse(at)) && Number.isSafeInteger(id))
      return { at, id: id as number };
  } catch {}
  throw new InvalidCursorError();
}

/** One page of a tenant's lines in a time window, newest first; nextCursor continues with older ones. */
export async function searchLogs(
  db: Db,
  tenantId: string,
  search: CloudLogQuery,
): Promise<{ lines: LogLineView[]; nextCursor: string | null }> {
  const rows = await logSearchQuery(db, tenantId, search);
  const lines = rows.slice(0, search.limit);
  return { lines, nextCursor: rows.length > search.limit ? encodeCursor(lines[lines.length - 1]!) : null };
}

/** The statement searchLogs runs (one row more than the page, to know whether another follows); tests EXPLAIN it. */
export function logSearchQuery(db: Db, tenantId: string, search: CloudLogQuery) {
  const after = search.cursor ? decodeCursor(search.cursor) : undefined;
  return db
    .select(columns)
    .from(logLines)
    .where(
      and(
        eq(logLines.tenantId, tenantId),
        gte(logLines.at, search.from),
        lte(logLines.at, search.to),
        ...filterConditions(search),
        // Keyset: strictly older than the cursor's (at, id); the `lte` keeps the index range bounded.
        ...(after
          ? [
              sql`${logLines.at} <= ${after.at}::timestamptz`,
              or(sql`${logLines.at} < ${after.at}::timestamptz`, lt(logLines.id, after.id)),
            ]
          : []),
      ),
    )
    .orderBy(...newestFirst)
    .limit(search.limit + 1);
}

/** Lines written after `afterId` that match the filters, oldest first, for the live tail. */
export async function tailLogs(
  db: Db,
  tenantId: string,
  afterId: number,
  filters: LogFilters,
  limit = 500,
): Promise<LogLineView[]> {
  return db
    .select(columns)
    .from(logLines)
    .where(and(eq(logLines.tenantId, tenantId), gt(logLines.id, afterId), ...filterConditions(filters)))
    .orderBy(asc(logLines.id))
    .limit(limit);
}

/** The id of the newest line of any tenant: a tail that starts now follows the lines after it. */
export async function latestLogId(db: Db): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${logLines.id}), 0)`.mapWith(Number) }).from(logLines);
  return row?.id ?? 0;
}
