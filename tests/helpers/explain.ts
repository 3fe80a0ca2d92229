import { sql, type SQLWrapper } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "@/db/client";

export type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] } & Record<string, unknown>;

/** The plan the database chooses for a query (EXPLAIN (FORMAT JSON), not run), on PostgreSQL and PGlite alike. */
export async function explainPlan(db: Db, query: SQLWrapper): Promise<PlanNode> {
  const result = await db.execute(sql`explain (format json) ${query.getSQL()}`);
  const [row] = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const value = row?.["QUERY PLAN"];
  const [explained] = (typeof value === "string" ? JSON.parse(value) : value) as { Plan: PlanNode }[];
  return explained!.Plan;
}

/** Every node of a plan, the root first. */
export const planNodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(planNodes)];

/** The names of the indexes a plan reads. */
export const indexesUsed = (plan: PlanNode): string[] => [...new Set(planNodes(plan).flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : [])))];

/**
 * Fails when the plan reads one of `tables` with a sequential scan; returns the plan for further checks.
 * Meaningful only on tables with rows and fresh statistics (ANALYZE): on a near-empty table a
 * sequential scan is the right plan.
 */
export async function expectNoSeqScan(db: Db, query: SQLWrapper, tables: string[]): Promise<PlanNode> {
  const plan = await explainPlan(db, query);
  const scanned = planNodes(plan).filter((n) => n["Node Type"] === "Seq Scan" && tables.includes(n["Relation Name"] ?? ""));
  expect(scanned.map((n) => n["Relation Name"]), `a sequential scan in this plan:\n${JSON.stringify(plan, null, 2)}`).toEqual([]);
  return plan;
}
