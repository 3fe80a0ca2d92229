import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { costDaily, costMonthly, costMonthlyTotals } from "@/db/schema";

/** Removes every cost row of these tenants, daily and monthly, for data that was never real (seeds, tests). */
export async function removeTenantCosts(db: Db, tenantIds: string[]): Promise<void> {
  if (!tenantIds.length) return;
  for (const table of [costDaily, costMonthly, costMonthlyTotals])
    await db.delete(table).where(inArray(table.tenantId, tenantIds));
}
