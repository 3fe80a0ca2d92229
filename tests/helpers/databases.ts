import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database, type DatabaseKind } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { deleteCreatedRows } from "./factory";

export interface TestDatabase {
  kind: DatabaseKind;
  open(): Promise<Database>;
}

/**
 * Every database the suite runs against: a fresh in-memory PGlite always, and the
 * PostgreSQL at DATABASE_URL when it is set (already migrated by tests/global-setup.ts).
 * Use as `describe.each(testDatabases())("on $kind", (target) => ...)`.
 */
export function testDatabases(): TestDatabase[] {
  const databases: TestDatabase[] = [
    {
      kind: "pglite",
      async open() {
        const database = await openDatabase({ memory: true });
        await migrateDatabase(database);
        return database;
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) databases.push({ kind: "postgres", open: () => openDatabase({ url }) });
  return databases;
}

/** Opens the database before the suite's tests and closes it after; call inside a describe. */
export function useDatabase(target: TestDatabase): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    if (!database) return;
    try {
      await deleteCreatedRows(database.db);
    } finally {
      await database.close();
    }
  });
  return () => {
    if (!database) throw new Error("the test database is not open yet");
    return database;
  };
}
