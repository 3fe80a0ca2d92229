import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { costDaily, costMonthly, costMonthlyTotals } from "@/db/schema";
import { addDays, monthBounds } from "./forecast";

/**
 * Recomputes these tenants' cost_monthly and cost_monthly_totals rows for each month with a day in [from, to)
 * (open-ended without `to`) from cost_daily, in the transaction that wrote the days. Recomputing (at most
 * 31 × services rows a month) rather than adding deltas stays right when a day is restated or loses a service.
 */
export async function refreshCostMonths(db: Db, tenantIds: string[], from: string, to?: string): Promise<void> {
  if (!tenantIds.length) return;
  const start = monthBounds(from).start;
  const end = to ? monthBounds(addDays(to, -1)).end : undefined;
  const inRange = (month: SQL) =>
    sql`tenant_id = any(${sql.param(tenantIds)}::uuid[]) and ${month} >= ${start}${end ? sql` and ${month} < ${end}` : sql``}`;
  await db.execute(sql`
    with fresh as (
      select tenant_id, date_trunc('month', day::timestamp)::date as month, service, sum(amount) as amount
      from ${costDaily} where ${inRange(sql`day`)} group by 1, 2, 3),
    gone as (
      delete from ${costMonthly} m where ${inRange(sql`m.month`)}
        and not exists (select 1 from fresh f where f.tenant_id = m.tenant_id and f.month = m.month and f.service = m.service))
    insert into ${costMonthly} (tenant_id, month, service, amount) select tenant_id, month, service, amount from fresh
    on conflict (tenant_id, month, service) do update set amount = excluded.amount, updated_at = now()
      where ${costMonthly}.amount is distinct from excluded.amount`);
  await db.execute(sql`
    with days as (
      select tenant_id, day, sum(amount) as amount from ${costDaily} where ${inRange(sql`day`)} group by 1, 2),
    fresh as (
      select m.tenant_id, m.month, sum(d.amount) as amount, array_agg(coalesce(d.amount, 0) order by g.day) as daily_amounts
      from (select distinct tenant_id, date_trunc('month', day::timestamp)::date as month from days) m
      cross join generate_series(m.month::timestamp, m.month + interval '1 month' - interval '1 day', interval '1 day') as g(day)
      left join days d on d.tenant_id = m.tenant_id and d.day = g.day::date
      group by m.tenant_id, m.month),
    gone as (
      delete from ${costMonthlyTotals} t where ${inRange(sql`t.month`)}
        and not exists (select 1 from fresh f where f.tenant_id = t.tenant_id and f.month = t.month))
    insert into ${costMonthlyTotals} (tenant_id, month, amount, daily_amounts) select tenant_id, month, amount, daily_amounts from fresh
    on conflict (tenant_id, month) do update set amount = excluded.amount, daily_amounts = excluded.daily_amounts, updated_at = now()
      where (${costMonthlyTotals}.amount, ${costMonthlyTotals}.daily_amounts) is distinct from (excluded.amount, excluded.daily_amounts)`);
}
