import "server-only";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db";
import { appliedMigrationCount, expectedMigrations } from "@/db/migrate";

type Health =
  | { status: "ok"; database: string; migrations: { applied: number; expected: number } }
  | { status: "unavailable"; reason: string };

export async function checkHealth(): Promise<Health> {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    const applied = await appliedMigrationCount(db);
    const expected = expectedMigrations().length;
    if (applied !== expected) {
      return { status: "unavailable", reason: `database has ${applied} of ${expected} migrations applied` };
    }
    return { status: "ok", database: kind, migrations: { applied, expected } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: "unavailable", reason: message.split("\n")[0]! };
  }
}
