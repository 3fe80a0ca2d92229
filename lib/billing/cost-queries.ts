import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { costDaily, costMonthly, costMonthlyTotals, tenants, type TenantStatus } from "@/db/schema";
import { forecastMonthEnd, monthBounds, monthStart } from "./forecast";

export type DailyServiceCost = { day: string; service: string; amount: number };
export type MonthTotal = { month: string; amount: number };
export type TenantCostSummary = {
  month: string;
  monthToDate: number;
  forecast: number;
  previousMonth: number;
  previousMonthToSameDay: number;
};
export type RankedTenant = {
  tenantId: string;
  name: string;
  status: TenantStatus;
  monthToDate: number;
  forecast: number;
};
export type RankingOptions = { limit: number; offset: number; includeDeleted?: boolean };

const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);
/** The first `days` days of a month's daily totals, 0 where there was no cost. */
const firstDays = (dailyAmounts: number[] | null | undefined, days: number) =>
  Array.from({ length: days }, (_, i) => dailyAmounts?.[i] ?? 0);

/** One tenant's cost per day and service, for days in [from, to). */
export async function dailyCostByService(
  db: Db,
  tenantId: string,
  from: string,
  to: string,
): Promise<DailyServiceCost[]> {
  return db
    .select({ day: costDaily.day, service: costDaily.service, amount: costDaily.amount })
    .from(costDaily)
    .where(and(eq(costDaily.tenantId, tenantId), gte(costDaily.day, from), lt(costDaily.day, to)))
    .orderBy(asc(costDaily.day), asc(costDaily.service));
}

/** One tenant's cost per service in a "YYYY-MM" month, most expensive first; a query, so the benchmark can EXPLAIN it. */
export function monthByService(db: Db, tenantId: string, month: string) {
  return db
    .select({ service: costMonthly.service, amount: costMonthly.amount })
    .from(costMonthly)
    .where(and(eq(costMonthly.tenantId, tenantId), eq(costMonthly.month, monthStart(month))))
    .orderBy(desc(costMonthly.amount), asc(costMonthly.service));
}

/** One tenant's total per month from fromMonth to toMonth, both included; a month without cost is 0. */
export async function monthlyTotals(
  db: Db,
  tenantId: string,
  fromMonth: string,
  toMonth: string,
): Promise<MonthTotal[]> {
  const start = monthStart(fromMonth);
  const end = monthBounds(monthStart(toMonth)).end;
  if (start >= end) return [];
  const rows = await db
    .select({ month: costMonthlyTotals.month, amount: costMonthlyTotals.amount })
    .from(costMonthlyTotals)
    .where(
      and(
        eq(costMonthlyTotals.tenantId, tenantId),
        gte(costMonthlyTotals.month, start),
        lt(costMonthlyTotals.month, end),
      ),
    );
  const byMonth = new Map(rows.map((row) => [row.month, row.amount]));
  const months: MonthTotal[] = [];
  for (let day = start; day < end; day = monthBounds(day).end)
    months.push({ month: day.slice(0, 7), amount: byMonth.get(day) ?? 0 });
  return months;
}

/** This month so far and its forecast, against the whole previous month and the previous month up to the same day. */
export async function tenantCostSummary(db: Db, tenantId: string, today: string): Promise<TenantCostSummary> {
  const bounds = monthBounds(today);
  const months = await db
    .select({
      month: costMonthlyTotals.month,
      amount: costMonthlyTotals.amount,
      dailyAmounts: costMonthlyTotals.dailyAmounts,
    })
    .from(costMonthlyTotals)
    .where(
      and(
        eq(costMonthlyTotals.tenantId, tenantId),
        inArray(costMonthlyTotals.month, [bounds.previousStart, bounds.start]),
      ),
    );
  const [current, previous] = [bounds.start, bounds.previousStart].map((start) =>
    months.find((m) => m.month === start),
  );
  const dailyAmounts = firstDays(current?.dailyAmounts, bounds.daysElapsed);
  const monthToDate = sum(dailyAmounts);
  return {
    month: bounds.month,
    monthToDate,
    forecast: forecastMonthEnd(monthToDate, dailyAmounts, bounds.daysInMonth),
    previousMonth: previous?.amount ?? 0,
    // Mar 31 compares with all of February, not with days February does not have.
    previousMonthToSameDay: sum((previous?.dailyAmounts ?? []).slice(0, bounds.daysElapsed)),
  };
}

/**
 * The ranking as a query, so the benchmark can EXPLAIN exactly what the admin page runs: one
 * cost_monthly_totals index entry per tenant, then the days of the page's tenants for their
 * forecasts. A sync writes no day after today, so a month's total is its month-to-date.
 */
export function rankingQuery(db: Db, today: string, { limit, offset, includeDeleted = false }: RankingOptions) {
  const month = monthBounds(today).start;
  const monthToDate = sql<number>`coalesce(${costMonthlyTotals.amount}, 0)`;
  const ranked = db
    .select({
      tenantId: tenants.id,
      name: tenants.name,
      status: tenants.status,
      monthToDate: monthToDate.mapWith(Number).as("month_to_date"),
      total: sql<number>`count(*) over ()`.mapWith(Number).as("total"),
    })
    .from(tenants)
    .leftJoin(costMonthlyTotals, and(eq(costMonthlyTotals.tenantId, tenants.id), eq(costMonthlyTotals.month, month)))
    .where(includeDeleted ? undefined : ne(tenants.status, "deleted"))
    .orderBy(desc(monthToDate), asc(tenants.name), asc(tenants.id))
    .limit(limit)
    .offset(offset)
    .as("ranked");
  const days = alias(costMonthlyTotals, "days");
  return db
    .select({
      tenantId: ranked.tenantId,
      name: ranked.name,
      status: ranked.status,
      monthToDate: ranked.monthToDate,
      total: ranked.total,
      dailyAmounts: days.dailyAmounts,
    })
    .from(ranked)
    .leftJoin(days, and(eq(days.tenantId, ranked.tenantId), eq(days.month, month)))
    .orderBy(desc(ranked.monthToDate), asc(ranked.name), asc(ranked.tenantId));
}

/** Every tenant by month-to-date spend, most expensive first, a page at a time; deleted tenants only when asked. */
export async function rankTenantsByMonthToDate(
  db: Db,
  today: string,
  options: RankingOptions,
): Promise<{ rows: RankedTenant[]; total: number }> {
  const { daysInMonth, daysElapsed } = monthBounds(today);
  const rows = await rankingQuery(db, today, options);
  const ranked = rows.map(({ tenantId, name, status, monthToDate, dailyAmounts }) => ({
    tenantId,
    name,
    status,
    monthToDate,
    forecast: forecastMonthEnd(monthToDate, firstDays(dailyAmounts, daysElapsed), daysInMonth),
  }));
  if (rows.length || options.offset === 0) return { rows: ranked, total: rows[0]?.total ?? 0 };
  // A page past the end has no row to carry the total.
  const [counted] = await db
    .select({ total: count() })
    .from(tenants)
    .where(options.includeDeleted ? undefined : ne(tenants.status, "deleted"));
  return { rows: ranked, total: counted?.total ?? 0 };
}

/** Month-to-date spend for a batch of tenants; a tenant without cost this month maps to 0. */
export async function monthToDateByTenant(db: Db, tenantIds: string[], today: string): Promise<Map<string, number>> {
  const totals = new Map(tenantIds.map((id) => [id, 0]));
  if (!tenantIds.length) return totals;
  const rows = await db
    .select({ tenantId: costMonthlyTotals.tenantId, amount: costMonthlyTotals.amount })
    .from(costMonthlyTotals)
    .where(and(inArray(costMonthlyTotals.tenantId, tenantIds), eq(costMonthlyTotals.month, monthBounds(today).start)));
  for (const row of rows) totals.set(row.tenantId, row.amount);
  return totals;
}
