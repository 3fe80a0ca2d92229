import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { expectedMigrations, migrationsFolder } from "@/db/migrate";

export type WorkerSchema = { schema: string; jobsSchema: string; url: string; drop(): Promise<void> };

/**
 * A migrated schema of its own on the DATABASE_URL server, and a URL whose search_path is it, for
 * worker processes started by a test: they see none of the rows and jobs of tests running beside
 * them. A schema rather than a database because the test role may not create databases (CI's cannot).
 */
export async function createWorkerSchema(baseUrl: string, schema = newWorkerSchemaName()): Promise<WorkerSchema> {
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const client = await connect(baseUrl);
  try {
    await client.query(`create schema ${schema}`);
    // Objects go to the first schema; public stays on the path for the extensions' operator classes
    // (gin_trgm_ops), created there when the database itself was migrated.
    await client.query(`set search_path to ${schema}, public`);
    // The generated migrations name "public" in types and foreign keys; the rest follows search_path.
    for (const tag of expectedMigrations()) {
      const text = readFileSync(path.join(migrationsFolder, `${tag}.sql`), "utf8").replaceAll(
        '"public".',
        `"${schema}".`,
      );
      for (const statement of text.split("--> statement-breakpoint"))
        if (statement.trim()) await client.query(statement);
    }
  } finally {
    await client.end();
  }
  const jobsSchema = `${schema}_jobs`;
  const drop = async () => {
    const admin = await connect(baseUrl);
    try {
      await admin.query(`drop schema if exists ${jobsSchema} cascade`);
      await admin.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await admin.end();
    }
  };
  return { schema, jobsSchema, url: url.toString(), drop };
}

export const newWorkerSchemaName = () => `mw_${randomBytes(4).toString("hex")}`;

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}
