import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { costDaily, costMonthly, costMonthlyTotals } from "@/db/schema";
import { addDays, cents, monthBounds } from "@/lib/billing/forecast";
import { refreshCostMonths } from "@/lib/billing/refresh-cost-months";

type CostRow = typeof costDaily.$inferInsert;

/** Writes daily cost rows as the sync does: with their months' sums, in one transaction. */
export async function insertCosts(db: Db, rows: CostRow[]): Promise<void> {
  if (!rows.length) return;
  const days = rows.map((r) => r.day).sort();
  await db.transaction(async (tx) => {
    await tx.insert(costDaily).values(rows);
    await refreshCostMonths(tx, [...new Set(rows.map((r) => r.tenantId))], days[0]!, addDays(days.at(-1)!, 1));
  });
}

export type RollupRow = { key: string; amount: number; days?: number[] };
const byKey = (rows: RollupRow[]) => rows.sort((x, y) => (x.key < y.key ? -1 : 1));

/** The rollups worked out here from the daily rows, and as the database holds them; amounts to the cent. */
export async function rollups(db: Db, tenantIds: string[]) {
  const daily = await db.select().from(costDaily).where(inArray(costDaily.tenantId, tenantIds));
  const byService = new Map<string, number>();
  const byDay = new Map<string, number[]>();
  for (const { tenantId, day, service, amount } of daily) {
    const { start, daysInMonth } = monthBounds(day);
    byService.set(`${tenantId} ${start} ${service}`, (byService.get(`${tenantId} ${start} ${service}`) ?? 0) + amount);
    const days = byDay.get(`${tenantId} ${start}`) ?? Array<number>(daysInMonth).fill(0);
    days[Number(day.slice(8)) - 1]! += amount;
    byDay.set(`${tenantId} ${start}`, days);
  }
  const monthly = await db.select().from(costMonthly).where(inArray(costMonthly.tenantId, tenantIds));
  const totals = await db.select().from(costMonthlyTotals).where(inArray(costMonthlyTotals.tenantId, tenantIds));
  return {
    expected: {
      monthly: byKey([...byService].map(([key, amount]) => ({ key, amount: cents(amount) }))),
      totals: byKey(
        [...byDay].map(([key, days]) => ({
          key,
          amount: cents(days.reduce((x, y) => x + y, 0)),
          days: days.map(cents),
        })),
      ),
    },
    actual: {
      monthly: byKey(monthly.map((m) => ({ key: `${m.tenantId} ${m.month} ${m.service}`, amount: cents(m.amount) }))),
      totals: byKey(
        totals.map((t) => ({
          key: `${t.tenantId} ${t.month}`,
          amount: cents(t.amount),
          days: t.dailyAmounts.map(cents),
        })),
      ),
    },
  };
}
