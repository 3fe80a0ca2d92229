import { and, eq, like, ne, notLike } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alerts, budgetCrossings, budgets } from "@/db/schema";
import { openAlert, resolveAlertByKey } from "@/lib/alerts/alert-transitions";
import { tenantCostSummary } from "./cost-queries";
import { cents } from "./forecast";

const usd = (amount: number) => `$${amount.toFixed(2)}`;
const severityOf = (threshold: number) => (threshold >= 100 ? "critical" : threshold >= 80 ? "warning" : "info");

/**
 * Checks one tenant's budget: each threshold fires at most once a month, on the actual cost or,
 * before that, on the forecast. Firing opens an alert, which notifies the tenant's channels.
 */
export async function evaluateBudget(db: Db, tenantId: string, today: string): Promise<number[]> {
  const [budget] = await db.select().from(budgets).where(eq(budgets.tenantId, tenantId));
  if (!budget) return [];
  const summary = await tenantCostSummary(db, tenantId, today);
  const fired: number[] = [];
  for (const threshold of [...budget.thresholds].sort((a, b) => a - b)) {
    const limit = (budget.monthlyAmount * threshold) / 100;
    const basis = summary.monthToDate >= limit ? "actual" : summary.forecast >= limit ? "forecast" : null;
    if (!basis) continue;
    const amount = basis === "actual" ? summary.monthToDate : summary.forecast;
    const [crossing] = await db
      .insert(budgetCrossings)
      .values({ tenantId, month: summary.month, threshold, basis, amount })
      .onConflictDoNothing()
      .returning();
    if (!crossing) continue;
    fired.push(threshold);
    const title =
      basis === "actual"
        ? `${threshold}% of the monthly budget spent: ${usd(amount)} of ${usd(budget.monthlyAmount)}`
        : `Forecast to reach ${threshold}% of the monthly budget: ${usd(amount)} of ${usd(budget.monthlyAmount)}`;
    await openAlert(db, {
      tenantId,
      source: "budget",
      key: `budget:${summary.month}:${threshold}`,
      title,
      severity: severityOf(threshold),
      value: cents(amount),
      details: { basis, threshold, budget: budget.monthlyAmount },
    });
  }
  // Last month's budget alerts are over with the month.
  const stale = await db
    .select({ key: alerts.key })
    .from(alerts)
    .where(
      and(
        eq(alerts.tenantId, tenantId),
        eq(alerts.source, "budget"),
        ne(alerts.state, "resolved"),
        like(alerts.key, "budget:%"),
        notLike(alerts.key, `budget:${summary.month}:%`),
      ),
    );
  for (const { key } of stale) await resolveAlertByKey(db, tenantId, key);
  return fired;
}
