import { asc, desc, sql, type SQLWrapper } from "drizzle-orm";

type SortDir = "asc" | "desc";

/** One ORDER BY term of a list sorted from its URL: plain asc or desc, which a btree index reads either way. */
export const sortedBy = (key: SQLWrapper, dir: SortDir) => (dir === "desc" ? desc(key) : asc(key));

/** The same for a value that may be missing: rows without one come last whichever way the list is sorted. */
export const sortedNullsLast = (key: SQLWrapper, dir: SortDir) => sql`${key} ${sql.raw(dir)} nulls last`;
