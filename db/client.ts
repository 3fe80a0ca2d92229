import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type pg from "pg";
import { createLogger } from "../lib/observability/logger";
import { pgliteStatements } from "./pglite-parsers";
import * as schema from "./schema";

const logger = createLogger("database");

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DatabaseKind = "postgres" | "pglite";
export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives, with any password hidden. */
  location: string;
  /** Raw SQL for libraries that bring their own (the job engine); multi-statement text allowed without values. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

/** `sharedBuffersMb`: PGlite's buffer pool (ENCLAVE_PGLITE_SHARED_BUFFERS_MB), 32 unless set. */
export type DatabaseTarget = { url: string } | { pgliteDir: string; sharedBuffersMb?: number } | { memory: true };

// PGlite touches all of its shared buffers at start: PostgreSQL's default 128 MB was a third of the
// portal's resident memory on PGlite, while the files it reads sit in the kernel's page cache anyway.
const defaultSharedBuffersMb = 32;

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    // pg also takes the password from the query string.
    for (const key of ["password", "sslpassword"])
      if (parsed.searchParams.has(key)) parsed.searchParams.set(key, "***");
    return parsed.toString();
  } catch {
    return "(an unparseable URL)";
  }
}

export function defaultTarget(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  const sharedBuffersMb = Number(env.ENCLAVE_PGLITE_SHARED_BUFFERS_MB || defaultSharedBuffersMb);
  if (!Number.isInteger(sharedBuffersMb) || sharedBuffersMb < 1)
    throw new Error("ENCLAVE_PGLITE_SHARED_BUFFERS_MB must be a whole number of megabytes, at least 1.");
  return { pgliteDir: path.resolve(env.ENCLAVE_DATA_DIR ?? "data", "pglite"), sharedBuffersMb };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ("url" in target) {
    const { Pool, Client } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({
      connectionString: target.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      Client: clientOpenedIn(AsyncLocalStorage.snapshot(), Client),
    });
    const location = redactUrl(target.url);
    // An idle connection that breaks (a restarted server, a dropped network) is emitted here, and
    // with no listener would end the process; the pool replaces it at its next use.
    pool.on("error", (error) => logger.warn("an idle database connection failed", { location, error }));
    try {
      await pool.query("select 1");
    } catch (error) {
      await pool.end().catch(() => {});
      throw new DatabaseUnreachableError(location, error);
    }
    const executeSql = async (text: string, values?: unknown[]) => {
      const result = (await pool.query(text, values)) as unknown as { rows?: unknown[] } | { rows?: unknown[] }[];
      return { rows: Array.isArray(result) ? result.flatMap((r) => r.rows ?? []) : (result.rows ?? []) };
    };
    return {
      db: drizzle(pool, { schema }) as unknown as Db,
      kind: "postgres",
      location,
      executeSql,
      close: () => pool.end(),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const extensions = await pgliteExtensions();
  const sharedBuffersMb = ("sharedBuffersMb" in target && target.sharedBuffersMb) || defaultSharedBuffersMb;
  // Start parameters, not PGlite's postgresqlconf option, which writes over the data folder's postgresql.conf.
  const startParams = [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffersMb}MB`];
  let client;
  if ("memory" in target) {
    client = await PGlite.create({ extensions, startParams });
  } else {
    mkdirSync(path.dirname(target.pgliteDir), { recursive: true });
    client = await PGlite.create(target.pgliteDir, { extensions, startParams });
  }
  const location = "memory" in target ? "memory://" : target.pgliteDir;
  const statements = pgliteStatements(client, AsyncLocalStorage.snapshot());
  return {
    db: drizzle(statements.forDrizzle, { schema }) as unknown as Db,
    kind: "pglite",
    location,
    executeSql: statements.executeSql,
    close: () => client.close(),
  };
}

// The migrations create these (log text search); PGlite can only create extensions it was opened with.
async function pgliteExtensions() {
  const [{ pg_trgm }, { btree_gin }] = await Promise.all([
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/contrib/btree_gin"),
  ]);
  return { pg_trgm, btree_gin };
}

export class DatabaseUnreachableError extends Error {
  constructor(
    readonly location: string,
    cause: unknown,
  ) {
    const reason = describeConnectionError(cause);
    super(`cannot reach the database at ${location}: ${reason}`, { cause });
    this.name = "DatabaseUnreachableError";
  }
}

function describeConnectionError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeConnectionError(error.errors[0]);
  const e = error as { code?: string; message?: string };
  if (e?.code && e.message && !e.message.includes(e.code)) return `${e.code} ${e.message}`;
  return e?.message || e?.code || String(error);
}

/**
 * A pool connection opened while a page renders kept that request alive for as long as the
 * connection lived, and through it hundreds of finished ones (1,500 responses in a heap snapshot
 * under load): its socket keeps the async context it was opened in (Next's request stores), and pg
 * keeps the callback given to connect() in a closure that stays an event listener. So connections
 * are opened in the context the database was opened in, at start, with a callback that lets go of
 * the caller's once it has answered.
 */
function clientOpenedIn(context: ReturnType<typeof AsyncLocalStorage.snapshot>, Client: typeof pg.Client) {
  const connect = Client.prototype.connect as (this: pg.Client, callback?: Callback) => Promise<void> | void;
  return class ClientOpenedAtStart extends Client {
    // Without a callback pg answers with a promise, which lets go of its caller once settled. The
    // wrapper is made before the closure that context() runs, which must not see the caller's
    // callback: the bundler inlines forgottenOnceCalled, and a closure that named the callback made
    // it a variable of the scope the wrapper keeps, so pg's listeners held it (and its request) anyway.
    override connect = ((callback?: Callback) => {
      const answer = callback && forgottenOnceCalled(callback);
      return context(() => connect.call(this, answer));
    }) as pg.Client["connect"];
  };
}

type Callback = (error: Error | null, client?: pg.Client) => void;

function forgottenOnceCalled(callback: Callback): Callback {
  let caller: Callback | undefined = callback;
  return (error, client) => {
    const answering = caller;
    caller = undefined;
    answering?.(error, client);
  };
}
