import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Database, type DatabaseKind } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { deleteCreatedRows } from "./factory";
import { createWorkerSchema, newWorkerSchemaName } from "./worker-database";

export interface TestDatabase {
  kind: DatabaseKind;
  /** The job queue's schema for queues a test starts on this database. */
  jobsSchema: string;
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
      jobsSchema: "pgboss",
      async open() {
        const database = await openDatabase({ memory: true });
        await migrateDatabase(database);
        return database;
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) databases.push({ kind: "postgres", jobsSchema: "pgboss", open: () => openDatabase({ url }) });
  return databases;
}

/**
 * Like testDatabases(), but PostgreSQL in a schema of its own (dropped at close), for tests that
 * start a working job queue: its sweep would otherwise run the operations of tests beside it.
 */
export function isolatedTestDatabases(): TestDatabase[] {
  const [pglite] = testDatabases();
  const url = process.env.DATABASE_URL;
  if (!url) return [pglite!];
  const schema = newWorkerSchemaName();
  const open = async () => {
    const isolated = await createWorkerSchema(url, schema);
    const database = await openDatabase({ url: isolated.url });
    return { ...database, close: () => database.close().finally(isolated.drop) };
  };
  return [pglite!, { kind: "postgres", jobsSchema: `${schema}_jobs`, open }];
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
