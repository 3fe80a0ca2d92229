import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { costDaily, tenants, type TenantStatus } from "@/db/schema";
import { addDays, forecastFromAverage, forecastMonthEnd, monthBounds, monthStart, recentDays } from "./forecast";

export type DailyServiceCost = { day: string; service: string; amount: number };
export type ServiceCost = { service: string; amount: number };
export type MonthTotal = { month: string; amount: number };
export type TenantCostSummary = { month: string; monthToDate: number; forecast: number; previousMonth: number; previousMonthToSameDay: number };
export type RankedTenant = { tenantId: string; name: string; status: TenantStatus; monthToDate: number; forecast: number };
export type RankingOptions = { limit: number; offset: number; includeDeleted?: boolean };

const totalAmount = () => sql<number>`sum(${costDaily.amount})`.mapWith(Number);
const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);
const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);
const tenantDays = (tenantId: string, from: string, to: string) => and(eq(costDaily.tenantId, tenantId), gte(costDaily.day, from), lt(costDaily.day, to));

/** One tenant's cost per day and service, for days in [from, to). */
export async function dailyCostByService(db: Db, tenantId: string, from: string, to: string): Promise<DailyServiceCost[]> {
  return db
    .select({ day: costDaily.day, service: costDaily.service, amount: costDaily.amount })
    .from(costDaily)
    .where(tenantDays(tenantId, from, to))
    .orderBy(asc(costDaily.day), asc(costDaily.service));
}

/** One tenant's cost per service in a "YYYY-MM" month, most expensive first. */
export async function monthByService(db: Db, tenantId: string, month: string): Promise<ServiceCost[]> {
  const { start, end } = monthBounds(monthStart(month));
  const amount = totalAmount();
  return db.select({ service: costDaily.service, amount }).from(costDaily).where(tenantDays(tenantId, start, end)).groupBy(costDaily.service).orderBy(desc(amount), asc(costDaily.service));
}

/** One tenant's total per month from fromMonth to toMonth, both included; a month without cost is 0. */
export async function monthlyTotals(db: Db, tenantId: string, fromMonth: string, toMonth: string): Promise<MonthTotal[]> {
  const start = monthStart(fromMonth);
  const end = monthBounds(monthStart(toMonth)).end;
  if (start >= end) return [];
  const month = sql<string>`to_char(${costDaily.day}, 'YYYY-MM')`;
  const rows = await db.select({ month, amount: totalAmount() }).from(costDaily).where(tenantDays(tenantId, start, end)).groupBy(month);
  const byMonth = new Map(rows.map((row) => [row.month, row.amount]));
  const months: MonthTotal[] = [];
  for (let day = start; day < end; day = monthBounds(day).end) months.push({ month: day.slice(0, 7), amount: byMonth.get(day.slice(0, 7)) ?? 0 });
  return months;
}

/** This month so far and its forecast, against the whole previous month and the previous month up to the same day. */
export async function tenantCostSummary(db: Db, tenantId: string, today: string): Promise<TenantCostSummary> {
  const bounds = monthBounds(today);
  const rows = await db.select({ day: costDaily.day, amount: totalAmount() }).from(costDaily).where(tenantDays(tenantId, bounds.previousStart, addDays(today, 1))).groupBy(costDaily.day);
  const byDay = new Map(rows.map((row) => [row.day, row.amount]));
  const dailyAmounts = Array.from({ length: bounds.daysElapsed }, (_, i) => byDay.get(addDays(bounds.start, i)) ?? 0);
  const monthToDate = sum(dailyAmounts);
  const previous = rows.filter((row) => row.day < bounds.start);
  // Mar 31 compares with all of February, not with days February does not have.
  const sameDayEnd = earlier(addDays(bounds.previousStart, bounds.daysElapsed), bounds.start);
  return {
    month: bounds.month,
    monthToDate,
    forecast: forecastMonthEnd(monthToDate, dailyAmounts, bounds.daysInMonth),
    previousMonth: sum(previous.map((row) => row.amount)),
    previousMonthToSameDay: sum(previous.filter((row) => row.day < sameDayEnd).map((row) => row.amount)),
  };
}

/** The ranking as a query, so the benchmark can EXPLAIN exactly what the admin page runs. */
export function rankingQuery(db: Db, today: string, { limit, offset, includeDeleted = false }: RankingOptions) {
  const { start } = monthBounds(today);
  const recentStart = later(addDays(today, -recentDays), start);
  // Every column comes from the (day, tenant_id, amount) index: one range of days, no table reads.
  const inMonth = db
    .select({
      tenantId: costDaily.tenantId,
      monthToDate: sql<number>`sum(${costDaily.amount})`.as("month_to_date"),
      recent: sql<number>`sum(${costDaily.amount}) filter (where ${costDaily.day} >= ${recentStart} and ${costDaily.day} < ${today})`.as("recent"),
      todaySoFar: sql<number>`sum(${costDaily.amount}) filter (where ${costDaily.day} = ${today})`.as("today_so_far"),
    })
    .from(costDaily)
    .where(and(gte(costDaily.day, start), lt(costDaily.day, addDays(today, 1))))
    .groupBy(costDaily.tenantId)
    .as("in_month");
  const monthToDate = sql<number>`coalesce(${inMonth.monthToDate}, 0)`.mapWith(Number);
  return db
    .select({
      tenantId: tenants.id,
      name: tenants.name,
      status: tenants.status,
      monthToDate,
      recent: sql<number>`coalesce(${inMonth.recent}, 0)`.mapWith(Number),
      todaySoFar: sql<number>`coalesce(${inMonth.todaySoFar}, 0)`.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(tenants)
    .leftJoin(inMonth, eq(inMonth.tenantId, tenants.id))
    .where(includeDeleted ? undefined : ne(tenants.status, "deleted"))
    .orderBy(desc(monthToDate), asc(tenants.name), asc(tenants.id))
    .limit(limit)
    .offset(offset);
}

/** Every tenant by month-to-date spend, most expensive first, a page at a time; deleted tenants only when asked. */
export async function rankTenantsByMonthToDate(db: Db, today: string, options: RankingOptions): Promise<{ rows: RankedTenant[]; total: number }> {
  const { daysInMonth, daysElapsed } = monthBounds(today);
  const rows = await rankingQuery(db, today, options);
  const completeDays = Math.min(recentDays, daysElapsed - 1);
  const ranked = rows.map(({ tenantId, name, status, monthToDate, recent, todaySoFar }) => ({
    tenantId,
    name,
    status,
    monthToDate,
    forecast: forecastFromAverage(monthToDate, todaySoFar, completeDays ? recent / completeDays : undefined, daysInMonth - daysElapsed),
  }));
  if (rows.length || options.offset === 0) return { rows: ranked, total: rows[0]?.total ?? 0 };
  // A page past the end has no row to carry the total.
  const [counted] = await db.select({ total: count() }).from(tenants).where(options.includeDeleted ? undefined : ne(tenants.status, "deleted"));
  return { rows: ranked, total: counted?.total ?? 0 };
}

/** Month-to-date spend for a batch of tenants; a tenant without cost this month maps to 0. */
export async function monthToDateByTenant(db: Db, tenantIds: string[], today: string): Promise<Map<string, number>> {
  const totals = new Map(tenantIds.map((id) => [id, 0]));
  if (!tenantIds.length) return totals;
  const { start } = monthBounds(today);
  const rows = await db
    .select({ tenantId: costDaily.tenantId, amount: totalAmount() })
    .from(costDaily)
    .where(and(inArray(costDaily.tenantId, tenantIds), gte(costDaily.day, start), lt(costDaily.day, addDays(today, 1))))
    .groupBy(costDaily.tenantId);
  for (const row of rows) totals.set(row.tenantId, row.amount);
  return totals;
}
