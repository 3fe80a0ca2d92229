import { count, eq, max, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alerts } from "@/db/schema";

/** What a live page needs to know whether its alerts changed: the unresolved count and the last change. */
export type AlertSummary = { unresolved: number; changedAt: string | null };

export async function readAlertSummary(db: Db, tenantId: string): Promise<AlertSummary> {
  const [row] = await db
    .select({
      unresolved: count(sql`case when ${ne(alerts.state, "resolved")} then 1 end`),
      changedAt: max(sql<Date>`greatest(${alerts.openedAt}, ${alerts.acknowledgedAt}, ${alerts.resolvedAt})`),
    })
    .from(alerts)
    .where(eq(alerts.tenantId, tenantId));
  const changedAt = row?.changedAt ? new Date(row.changedAt as Date | string).toISOString() : null;
  return { unresolved: row?.unresolved ?? 0, changedAt };
}
