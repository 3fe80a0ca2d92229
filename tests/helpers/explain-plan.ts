import { sql as sqlTag, type Logger, type SQLWrapper } from "drizzle-orm";
import { expect } from "vitest";
import type { Database, Db } from "@/db/client";
import * as schema from "@/db/schema";

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
} & Record<string, unknown>;
export type Scan = { node: string; relation: string; index?: string; statement: string };

/** Every node of a plan, the root first. */
export const planNodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(planNodes)];

/** The plan the database chooses for one query (EXPLAIN (FORMAT JSON), not run), on PostgreSQL and PGlite alike. */
export async function explainPlan(db: Db, query: SQLWrapper): Promise<PlanNode> {
  const result = await db.execute(sqlTag`explain (format json) ${query.getSQL()}`);
  const [row] = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const value = row?.["QUERY PLAN"];
  const [explained] = (typeof value === "string" ? JSON.parse(value) : value) as { Plan: PlanNode }[];
  return explained!.Plan;
}

/** The names of the indexes a plan reads. */
export const indexesUsed = (plan: PlanNode): string[] => [
  ...new Set(planNodes(plan).flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : []))),
];

/**
 * Fails when the plan reads one of `tables` with a sequential scan; returns the plan for further checks.
 * Meaningful only on tables with rows and fresh statistics (ANALYZE): on a near-empty table a
 * sequential scan is the right plan.
 */
export async function expectNoSeqScan(db: Db, query: SQLWrapper, tables: string[]): Promise<PlanNode> {
  const plan = await explainPlan(db, query);
  const scanned = planNodes(plan).filter(
    (n) => n["Node Type"] === "Seq Scan" && tables.includes(n["Relation Name"] ?? ""),
  );
  expect(
    scanned.map((n) => n["Relation Name"]),
    `a sequential scan in this plan:\n${JSON.stringify(plan, null, 2)}`,
  ).toEqual([]);
  return plan;
}

/** A second drizzle over the same connection that records each statement, with its values, before sending it. */
async function recordingDb(database: Database, statements: { sql: string; params: unknown[] }[]): Promise<Db> {
  const logger: Logger = { logQuery: (sql, params) => statements.push({ sql, params }) };
  const client = (database.db as unknown as { $client: never }).$client;
  if (database.kind === "postgres")
    return (await import("drizzle-orm/node-postgres")).drizzle(client, { schema, logger }) as unknown as Db;
  return (await import("drizzle-orm/pglite")).drizzle(client, { schema, logger }) as unknown as Db;
}

/** The statements work sends, in order, each with its values. */
export async function statementsWithValuesOf(
  database: Database,
  work: (db: Db) => Promise<unknown>,
): Promise<{ sql: string; params: unknown[] }[]> {
  const statements: { sql: string; params: unknown[] }[] = [];
  await work(await recordingDb(database, statements));
  return statements;
}

/** The statements work sends, in order, each as its SQL text. */
export async function statementsOf(database: Database, work: (db: Db) => Promise<unknown>): Promise<string[]> {
  return (await statementsWithValuesOf(database, work)).map((s) => s.sql);
}

/**
 * Runs work, then EXPLAINs (FORMAT JSON, without running them again) every statement it sent and
 * answers each scan of a table in those plans: what the planner chooses on the data as it is.
 */
export async function scansOf(database: Database, work: (db: Db) => Promise<unknown>): Promise<Scan[]> {
  const statements = await statementsWithValuesOf(database, work);
  const scans: Scan[] = [];
  // node-postgres's drizzle logs a transaction's begin and commit too; there is nothing to explain in them.
  for (const { sql, params } of statements.filter(
    (s) => !/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(s.sql),
  )) {
    const { rows } = await database.executeSql(`explain (format json) ${sql}`, params);
    const value = Object.values(rows[0] as Record<string, unknown>)[0];
    const [{ Plan }] = (typeof value === "string" ? JSON.parse(value) : value) as [{ Plan: PlanNode }];
    for (const n of planNodes(Plan))
      if (n["Relation Name"])
        scans.push({ node: n["Node Type"], relation: n["Relation Name"], index: n["Index Name"], statement: sql });
  }
  return scans;
}

/** The sequential scans of these (large) tables in what work sends, as "Seq Scan on table: statement"; [] when there are none. */
export async function seqScansOn(
  database: Database,
  tables: string[],
  work: (db: Db) => Promise<unknown>,
): Promise<string[]> {
  const scans = await scansOf(database, work);
  return scans
    .filter((s) => s.node === "Seq Scan" && tables.includes(s.relation))
    .map((s) => `Seq Scan on ${s.relation}: ${s.statement}`);
}
