import type { Logger } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import * as schema from "@/db/schema";

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
export type Scan = { node: string; relation: string; index?: string; statement: string };

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/** A second drizzle over the same connection that records each statement, with its values, before sending it. */
async function recordingDb(database: Database, statements: { sql: string; params: unknown[] }[]): Promise<Db> {
  const logger: Logger = { logQuery: (sql, params) => statements.push({ sql, params }) };
  const client = (database.db as unknown as { $client: never }).$client;
  if (database.kind === "postgres") return (await import("drizzle-orm/node-postgres")).drizzle(client, { schema, logger }) as unknown as Db;
  return (await import("drizzle-orm/pglite")).drizzle(client, { schema, logger }) as unknown as Db;
}

/** The statements work sends, in order, each as its SQL text. */
export async function statementsOf(database: Database, work: (db: Db) => Promise<unknown>): Promise<string[]> {
  const statements: { sql: string; params: unknown[] }[] = [];
  await work(await recordingDb(database, statements));
  return statements.map((s) => s.sql);
}

/**
 * Runs work, then EXPLAINs (FORMAT JSON, without running them again) every statement it sent and
 * answers each scan of a table in those plans: what the planner chooses on the data as it is.
 */
export async function scansOf(database: Database, work: (db: Db) => Promise<unknown>): Promise<Scan[]> {
  const statements: { sql: string; params: unknown[] }[] = [];
  await work(await recordingDb(database, statements));
  const scans: Scan[] = [];
  for (const { sql, params } of statements) {
    const { rows } = await database.executeSql(`explain (format json) ${sql}`, params);
    const value = Object.values(rows[0] as Record<string, unknown>)[0];
    const [{ Plan }] = (typeof value === "string" ? JSON.parse(value) : value) as [{ Plan: PlanNode }];
    for (const n of nodes(Plan)) if (n["Relation Name"]) scans.push({ node: n["Node Type"], relation: n["Relation Name"], index: n["Index Name"], statement: sql });
  }
  return scans;
}

/** The sequential scans of these (large) tables in what work sends, as "Seq Scan on table: statement"; [] when there are none. */
export async function seqScansOn(database: Database, tables: string[], work: (db: Db) => Promise<unknown>): Promise<string[]> {
  const scans = await scansOf(database, work);
  return scans.filter((s) => s.node === "Seq Scan" && tables.includes(s.relation)).map((s) => `Seq Scan on ${s.relation}: ${s.statement}`);
}
