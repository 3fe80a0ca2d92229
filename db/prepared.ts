import type { Db } from "./client";

/**
 * A statement that drizzle builds once per database handle, not on every call: building the SQL
 * was 7 % of a tenant page's CPU, for the handful of statements every page runs. Keyed by the
 * handle, so a transaction (or a second database, in tests) prepares its own. The grouped writers
 * of the step log and the local cloud are kept the same way: one per handle, so writes of the same
 * moment on one database share a statement.
 *
 * On PostgreSQL the statement is named, so each pooled connection parses and plans it once. A
 * pooler in front of the database must then pool by session, not by transaction.
 */
export function preparedOnce<T>(build: (db: Db) => T): (db: Db) => T {
  const byHandle = new WeakMap<Db, T>();
  return (db) => {
    let statement = byHandle.get(db);
    if (!statement) byHandle.set(db, (statement = build(db)));
    return statement;
  };
}
