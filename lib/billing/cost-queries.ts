import { and, asc, count, desc, eq, gte, ilike, inArray, lt, ne, sql, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { escapeLike } from "@/db/escape-like";
import { budgets, costDaily, costMonthly, costMonthlyTotals, tenants, type TenantStatus } from "@/db/schema";
import { sortedNullsLast } from "@/db/sorted-by";
import type { SortDir } from "@/lib/tables/list-sort";
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
  budget: number | null;
  /** Month-to-date over the budget (1 = all of it); null without a budget. */
  used: number | null;
  /** 1 for the tenant that spent most this month, whatever order the list is in. */
  rank: number;
};
export type SpendSort = "monthToDate" | "name" | "budget" | "used";
export type RankingOptions = {
  limit: number;
  offset: number;
  includeDeleted?: boolean;
  /** Part of a tenant's name. */
  search?: string;
  sort?: SpendSort;
  dir?: SortDir;
};

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
 * forecasts. A sync writes no day after today, so a month's total is its month-to-date. Each
 * tenant keeps its rank by spend whatever order the page asks for and whichever names it matches.
 */
export function rankingQuery(db: Db, today: string, options: RankingOptions) {
  const { limit, offset, includeDeleted = false, search = "", sort = "monthToDate", dir = "desc" } = options;
  const month = monthBounds(today).start;
  const monthToDate = sql<number>`coalesce(${costMonthlyTotals.amount}, 0)`;
  const spend = db
    .select({
      tenantId: tenants.id,
      name: tenants.name,
      status: tenants.status,
      monthToDate: monthToDate.mapWith(Number).as("month_to_date"),
      budget: sql<number | null>`${budgets.monthlyAmount}`.as("budget"),
      used: sql<number | null>`${monthToDate} / nullif(${budgets.monthlyAmount}, 0)`.as("used"),
      rank: sql<number>`row_number() over (order by ${monthToDate} desc, ${tenants.name}, ${tenants.id})`
        .mapWith(Number)
        .as("rank"),
    })
    .from(tenants)
    .leftJoin(costMonthlyTotals, and(eq(costMonthlyTotals.tenantId, tenants.id), eq(costMonthlyTotals.month, month)))
    .leftJoin(budgets, eq(budgets.tenantId, tenants.id))
    .where(includeDeleted ? undefined : ne(tenants.status, "deleted"))
    .as("spend");
  const ranked = db
    .select({ ...spend._.selectedFields, total: sql<number>`count(*) over ()`.mapWith(Number).as("total") })
    .from(spend)
    .where(search ? ilike(spend.name, `%${escapeLike(search)}%`) : undefined)
    .orderBy(...spendOrder(spend, sort, dir))
    .limit(limit)
    .offset(offset)
    .as("ranked");
  const days = alias(costMonthlyTotals, "days");
  return db
    .select({ ...ranked._.selectedFields, dailyAmounts: days.dailyAmounts })
    .from(ranked)
    .leftJoin(days, and(eq(days.tenantId, ranked.tenantId), eq(days.month, month)))
    .orderBy(...spendOrder(ranked, sort, dir));
}

// The rank by spend breaks ties: it is unique, so a page boundary never splits or repeats a row.
function spendOrder(
  rows: { name: SQLWrapper; budget: SQLWrapper; used: SQLWrapper; rank: SQLWrapper },
  sort: SpendSort,
  dir: SortDir,
) {
  if (sort === "monthToDate") return [dir === "desc" ? asc(rows.rank) : desc(rows.rank)];
  return [sortedNullsLast(rows[sort], dir), asc(rows.rank)];
}

/** Every tenant with its rank by month-to-date spend, in the order asked (most expensive first by default), a page at a time. */
export async function rankTenantsByMonthToDate(
  db: Db,
  today: string,
  options: RankingOptions,
): Promise<{ rows: RankedTenant[]; total: number }> {
  const { daysInMonth, daysElapsed } = monthBounds(today);
  const rows = await rankingQuery(db, today, options);
  const ranked = rows.map(({ tenantId, name, status, monthToDate, budget, used, rank, dailyAmounts }) => ({
    tenantId,
    name,
    status,
    monthToDate,
    budget,
    used,
    rank,
    forecast: forecastMonthEnd(monthToDate, firstDays(dailyAmounts, daysElapsed), daysInMonth),
  }));
  if (rows.length || options.offset === 0) return { rows: ranked, total: rows[0]?.total ?? 0 };
  // A page past the end has no row to carry the total.
  const [counted] = await db
    .select({ total: count() })
    .from(tenants)
    .where(
      and(
        options.includeDeleted ? undefined : ne(tenants.status, "deleted"),
        options.search ? ilike(tenants.name, `%${escapeLike(options.search)}%`) : undefined,
      ),
    );
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
