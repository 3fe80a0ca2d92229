import "server-only";
import { openDatabase, defaultTarget, type Database, type Db } from "./client";
import { migrateDatabase } from "./migrate";

export type { Db } from "./client";

// Kept on globalThis: Next bundles instrumentation and routes separately, and two PGlite
// openers on one data directory would corrupt it.
const globalForDb = globalThis as unknown as { __enclaveDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database is not opened at build time; this route must be dynamic.");
  }
  if (!globalForDb.__enclaveDb) {
    globalForDb.__enclaveDb = (async () => {
      const database = await openDatabase(defaultTarget());
      await migrateDatabase(database);
      return database;
    })();
    globalForDb.__enclaveDb.catch(() => {
      globalForDb.__enclaveDb = undefined;
    });
  }
  return globalForDb.__enclaveDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}
