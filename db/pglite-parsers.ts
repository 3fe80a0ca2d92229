import { setImmediate as nextTurnOfTheEventLoop } from "node:timers/promises";
import type { PGlite, QueryOptions, Transaction } from "@electric-sql/pglite";

type Parsers = NonNullable<QueryOptions["parsers"]>;
type Queryable = Pick<PGlite, "query">;

/**
 * drizzle sends its own parsers (dates and times kept as text) with every query, and PGlite merges
 * them into its 318 at every query: 0.2 ms, more than a simple query itself. For drizzle, this client
 * keeps them among PGlite's own instead; rawOptions gives raw SQL (the job queue) PGlite's as before.
 *
 * Each statement, like raw SQL's, first waits for a turn of the event loop. PGlite runs a statement
 * synchronously and answers in a microtask, so work of many statements (a periodic task over every
 * tenant) never gave the loop a turn: requests, timers and sockets waited seconds behind it.
 */
export function parsersOnce(client: PGlite) {
  const replaced: Parsers = {};
  const adopt = (parsers: Parsers) => {
    for (const [key, parse] of Object.entries(parsers)) {
      const type = Number(key);
      if (!(type in replaced)) replaced[type] = client.parsers[type]!;
      client.parsers[type] = parse;
    }
  };
  const query =
    (target: Queryable): PGlite["query"] =>
    async (text, params, options) => {
      await nextTurnOfTheEventLoop();
      if (!options?.parsers) return target.query(text, params, options);
      adopt(options.parsers);
      return target.query(text, params, { ...options, parsers: undefined });
    };
  const forDrizzle = {
    query: query(client),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) =>
      client.transaction((tx) => callback(Object.assign(Object.create(tx) as Transaction, { query: query(tx) }))),
  };
  return {
    forDrizzle: forDrizzle as unknown as PGlite,
    rawOptions: (): QueryOptions | undefined => (Object.keys(replaced).length > 0 ? { parsers: replaced } : undefined),
  };
}
