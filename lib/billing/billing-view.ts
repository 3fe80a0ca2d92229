import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { budgets } from "@/db/schema";
import { monthRange, previousMonth } from "./billing-month";
import { dailyCostByService, monthByService, monthlyTotals, tenantCostSummary } from "./cost-queries";
import { cents } from "./forecast";

const monthsBack = (month: string, n: number) =>
  Array.from({ length: n }).reduce<string>((m) => previousMonth(m), month);
const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const monthLabel = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/**
 * Everything the billing page shows for one month. The month's lines are rounded to cents first
 * and every total on the page is a sum of those, exactly as the CSV export adds them up.
 */
export async function loadBillingView(db: Db, tenantId: string, month: string, today: string, since = "0000-01") {
  // No bar for a month before the tenant existed.
  const firstMonth = [monthsBack(month, 11), since].sort().at(-1)!;
  const { from, to } = monthRange(month);
  const [summary, daily, previous, monthly, [budget]] = await Promise.all([
    tenantCostSummary(db, tenantId, today),
    dailyCostByService(db, tenantId, from, to),
    monthByService(db, tenantId, previousMonth(month)),
    monthlyTotals(db, tenantId, firstMonth, month),
    db.select().from(budgets).where(eq(budgets.tenantId, tenantId)),
  ]);
  const lines = daily.map((d) => ({ ...d, amount: cents(d.amount) }));
  const serviceTotals = new Map<string, number>();
  for (const line of lines)
    serviceTotals.set(line.service, cents((serviceTotals.get(line.service) ?? 0) + line.amount));
  const services = [...serviceTotals.keys()].sort((a, b) => serviceTotals.get(b)! - serviceTotals.get(a)!);
  const previousByService = new Map(previous.map((p) => [p.service, cents(p.amount)]));
  const byDay = new Map<string, Record<string, number>>();
  for (const line of lines) byDay.set(line.day, { ...byDay.get(line.day), [line.service]: line.amount });
  return {
    summary,
    budget: budget ? { monthlyAmount: budget.monthlyAmount, thresholds: budget.thresholds } : null,
    total: cents(lines.reduce((sum, l) => sum + l.amount, 0)),
    services,
    byService: services.map((service) => ({
      service,
      amount: serviceTotals.get(service)!,
      previous: previousByService.get(service) ?? 0,
    })),
    dailyRows: [...byDay].map(([day, amounts]) => ({
      label: dayLabel.format(Date.parse(`${day}T00:00:00Z`)),
      ...amounts,
    })),
    monthlyRows: monthly.map((m) => ({
      label: monthLabel.format(Date.parse(`${m.month}-01T00:00:00Z`)),
      total: cents(m.amount),
    })),
  };
}
