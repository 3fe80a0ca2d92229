import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "./client";

export const migrationsFolder = process.env.ENCLAVE_MIGRATIONS_DIR
  ? path.resolve(/*turbopackIgnore: true*/ process.env.ENCLAVE_MIGRATIONS_DIR)
  : path.join(process.cwd(), "db", "migrations");

export async function migrateDatabase({ db, kind }: Database): Promise<void> {
  if (kind === "postgres") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = (db as unknown as { $client: import("pg").Pool }).$client;
    const client = await pool.connect();
    // Replicas starting together must not race to apply the same migration.
    try {
      await client.query("select pg_advisory_lock(7164021)");
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock(7164021)").catch(() => {});
      client.release();
    }
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, { migrationsFolder });
  }
}

export function expectedMigrations(): string[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

export async function appliedMigrationCount(db: Database["db"]): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return rows[0]?.n ?? 0;
}
