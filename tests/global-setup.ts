import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** Migrates the shared PostgreSQL database once, before any test file opens it. */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const database = await openDatabase({ url });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
}
