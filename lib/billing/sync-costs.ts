import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { costDaily } from "@/db/schema";
import type { CloudDriver } from "@/lib/cloud/contract";
import { addDays, cents } from "./forecast";
import { refreshCostMonths } from "./refresh-cost-months";

/** How far back a tenant's first sync reaches. */
export const backfillDays = 120;
// Clouds revise the last couple of days as usage records arrive; older days are settled.
const unsettledDays = 3;

/**
 * Copies the tenant's daily costs by service from its cloud into cost_daily, and its monthly sums
 * with them. The first sync backfills; later ones re-read only the unsettled days, so a settled day
 * never changes (and a deleted resource keeps the cost it ran up).
 */
export async function syncTenantCosts(
  db: Db,
  tenant: { id: string; name: string },
  driver: CloudDriver,
  now = new Date(),
): Promise<number> {
  if (!driver.readDailyCosts) return 0;
  const today = now.toISOString().slice(0, 10);
  const settledBefore = addDays(today, -(unsettledDays - 1));
  const backfillFrom = addDays(today, -backfillDays);
  const [known] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(costDaily)
    .where(and(eq(costDaily.tenantId, tenant.id), lt(costDaily.day, settledBefore), gte(costDaily.day, backfillFrom)));
  const from = known!.count > 0 ? settledBefore : backfillFrom;
  const rows = await driver.readDailyCosts(tenant.name, from, addDays(today, 1));
  if (rows.length === 0) return 0;
  // Kept in cents, as invoices are: every total on a page, and in its CSV, is then the same sum.
  const values = rows
    .map((r) => ({ tenantId: tenant.id, day: r.day, service: r.service, amount: cents(r.amount) }))
    .filter((v) => v.amount !== 0);
  await db.transaction(async (tx) => {
    // Every worker syncs every tenant: one at a time per tenant, or the monthly sums of the last to
    // commit could miss the other's days (and its insert of the same recent days would fail).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cost-sync:${tenant.id}`}))`);
    const settled = values.filter((v) => v.day < settledBefore);
    const recent = values.filter((v) => v.day >= settledBefore);
    for (let i = 0; i < settled.length; i += 1000)
      await tx
        .insert(costDaily)
        .values(settled.slice(i, i + 1000))
        .onConflictDoNothing();
    // The cloud's latest word on an unsettled day replaces what was read before, services and all.
    await tx.delete(costDaily).where(and(eq(costDaily.tenantId, tenant.id), gte(costDaily.day, settledBefore)));
    if (recent.length) await tx.insert(costDaily).values(recent);
    await refreshCostMonths(tx, [tenant.id], from);
  });
  return rows.length;
}
