import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appliedMigrationCount, expectedMigrations, migrateDatabase } from "@/db/migrate";
import { testDatabases, useDatabase } from "./helpers/databases";

describe.each(testDatabases())("migrations on $kind", (target) => {
  const database = useDatabase(target);

  it("has applied every migration in the journal", async () => {
    expect(expectedMigrations().length).toBeGreaterThan(0);
    expect(await appliedMigrationCount(database().db)).toBe(expectedMigrations().length);
  });

  it("creates the tables the portal reads", async () => {
    const result = await database().db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "users",
        "login_attempts",
        "infrastructures",
        "tenants",
        "tenant_grants",
        "audit_events",
      ]),
    );
  });

  it("does nothing when run again", async () => {
    await migrateDatabase(database());
    await migrateDatabase(database());
    expect(await appliedMigrationCount(database().db)).toBe(expectedMigrations().length);
  });
});
