// What a query reads from the cost tables, from EXPLAIN (ANALYZE, FORMAT JSON): its scans, their rows and the server's time
import { sql, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
};

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/**
 * The scans of cost_* tables, such as "Index Only Scan cost_monthly_totals_month_idx", how many
 * rows they read, and the execution time the server reports (without per-node timing, which costs).
 */
export async function costTableReads(
  db: Db,
  query: SQLWrapper,
): Promise<{ scans: string; rows: number; executionMs: number }> {
  const result = (await db.execute(sql`explain (analyze, timing off, format json) ${query}`)) as unknown as {
    rows: Record<string, unknown>[];
  };
  const value = Object.values(result.rows[0]!)[0];
  const [{ Plan, "Execution Time": executionMs }] = (typeof value === "string" ? JSON.parse(value) : value) as [
    { Plan: PlanNode; "Execution Time": number },
  ];
  const scans = nodes(Plan).filter((n) => n["Relation Name"]?.startsWith("cost_"));
  return {
    scans:
      [...new Set(scans.map((n) => `${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"]}`))].join(" + ") ||
      "(none)",
    // Per-loop averages: a parallel scan reports each process's share, an inner loop each pass.
    rows: Math.round(
      scans.reduce(
        (sum, n) => sum + ((n["Actual Rows"] ?? 0) + (n["Rows Removed by Filter"] ?? 0)) * (n["Actual Loops"] ?? 1),
        0,
      ),
    ),
    executionMs,
  };
}
