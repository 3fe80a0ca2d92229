// The admin spend ranking and a tenant's month by service as they were before the monthly rollups:
// read from cost_daily, kept here as the baseline bench:billing measures against.
import { and, asc, desc, eq, gte, lt, ne, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { costDaily, tenants } from "../db/schema";
import type { RankedTenant } from "../lib/billing/cost-queries";
import { addDays, forecastFromAverage, monthBounds, monthStart, recentDays } from "../lib/billing/forecast";

/** A month of days for every tenant, from the (day, tenant_id, amount) index: tenants × services × days entries. */
export function dailyRankingQuery(db: Db, today: string, limit: number) {
  const { start } = monthBounds(today);
  const recentStart = addDays(today, -recentDays) > start ? addDays(today, -recentDays) : start;
  const inMonth = db
    .select({
      tenantId: costDaily.tenantId,
      monthToDate: sql<number>`sum(${costDaily.amount})`.as("month_to_date"),
      recent:
        sql<number>`sum(${costDaily.amount}) filter (where ${costDaily.day} >= ${recentStart} and ${costDaily.day} < ${today})`.as(
          "recent",
        ),
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
    .where(ne(tenants.status, "deleted"))
    .orderBy(desc(monthToDate), asc(tenants.name), asc(tenants.id))
    .limit(limit);
}

/** The first page of the old ranking, with its forecasts. */
export async function dailyRanking(
  db: Db,
  today: string,
  limit: number,
): Promise<Pick<RankedTenant, "tenantId" | "name" | "status" | "monthToDate" | "forecast">[]> {
  const { daysInMonth, daysElapsed } = monthBounds(today);
  const completeDays = Math.min(recentDays, daysElapsed - 1);
  const rows = await dailyRankingQuery(db, today, limit);
  return rows.map(({ tenantId, name, status, monthToDate, recent, todaySoFar }) => ({
    tenantId,
    name,
    status,
    monthToDate,
    forecast: forecastFromAverage(
      monthToDate,
      todaySoFar,
      completeDays ? recent / completeDays : undefined,
      daysInMonth - daysElapsed,
    ),
  }));
}

/** One tenant's month by service summed from its days: up to 31 × services rows. */
export function dailyMonthByServiceQuery(db: Db, tenantId: string, month: string) {
  const { start, end } = monthBounds(monthStart(month));
  const amount = sql<number>`sum(${costDaily.amount})`.mapWith(Number);
  return db
    .select({ service: costDaily.service, amount })
    .from(costDaily)
    .where(and(eq(costDaily.tenantId, tenantId), gte(costDaily.day, start), lt(costDaily.day, end)))
    .groupBy(costDaily.service)
    .orderBy(desc(amount), asc(costDaily.service));
}
