import { AsyncLocalStorage } from "node:async_hooks";
import { setImmediate as nextTurnOfTheEventLoop } from "node:timers/promises";
import type { PGlite, QueryOptions, Transaction } from "@electric-sql/pglite";

type Parsers = NonNullable<QueryOptions["parsers"]>;
type Queryable = Pick<PGlite, "query">;

/**
 * drizzle sends its own parsers (dates and times kept as text) with every query, and PGlite merges
 * them into its 318 at every query: 0.2 ms, more than a simple query itself. For drizzle, this client
 * keeps them among PGlite's own instead; executeSql gives raw SQL (the job queue) PGlite's as before.
 *
 * Each statement, through drizzle or as raw SQL, first waits for a turn of the event loop. PGlite runs a statement
 * synchronously and answers in a microtask, so work of many statements (a periodic task over every
 * tenant) never gave the loop a turn: requests, timers and sockets waited seconds behind it.
 *
 * Statements run in the async context the database was opened in (`outsideRequests`), a transaction's
 * callback in its caller's: PostgreSQL arms timers as it runs (Emscripten's setitimer is a
 * setTimeout), and one made during a request kept that request, answered, until it fired or was
 * replaced (a heap snapshot under load, docs/benchmarks.md).
 */
export function pgliteStatements(client: PGlite, outsideRequests: ReturnType<typeof AsyncLocalStorage.snapshot>) {
  const replaced: Parsers = {};
  const adopt = (parsers: Parsers) => {
    for (const [key, parse] of Object.entries(parsers)) {
      const type = Number(key);
      if (!(type in replaced)) replaced[type] = client.parsers[type]!;
      client.parsers[type] = parse;
    }
  };
  const statement = async <T>(run: () => Promise<T>) => {
    await nextTurnOfTheEventLoop();
    return outsideRequests(run);
  };
  const query =
    (target: Queryable): PGlite["query"] =>
    (text, params, options) =>
      statement(() => {
        if (!options?.parsers) return target.query(text, params, options);
        adopt(options.parsers);
        return target.query(text, params, { ...options, parsers: undefined });
      });
  const forDrizzle = {
    query: query(client),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) => {
      const caller = AsyncLocalStorage.snapshot();
      return outsideRequests(() =>
        client.transaction((tx) =>
          caller(() => callback(Object.assign(Object.create(tx) as Transaction, { query: query(tx) }))),
        ),
      );
    },
  };
  const rawOptions = (): QueryOptions | undefined =>
    Object.keys(replaced).length > 0 ? { parsers: replaced } : undefined;
  // PGlite's query() takes one statement with values; exec() takes several without.
  const executeSql = async (text: string, values?: unknown[]) =>
    values?.length
      ? { rows: (await statement(() => client.query(text, values, rawOptions()))).rows }
      : { rows: (await statement(() => client.exec(text, rawOptions()))).flatMap((r) => r.rows) };
  return { forDrizzle: forDrizzle as unknown as PGlite, executeSql };
}
