import { sql } from "drizzle-orm";
import { costDaily, tenants } from "@/db/schema";
import { refreshCostMonths } from "@/lib/billing/refresh-cost-months";
import { countInserted, countRows, forTenantBatches, tenantsWithout, unitHash } from "./batch-sql";
import { fleetDailyCost } from "./plan-fleet";
import type { ScaleContext } from "./scale-context";

const dayMs = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const countCostDays = (ctx: ScaleContext) =>
  countRows(
    ctx.db,
    sql`select count(*)::int as n from ${costDaily} where tenant_id = any(${sql.param(ctx.tenants.map((t) => t.id))}::uuid[])`,
  );

/**
 * The last `days` whole days (UTC, up to yesterday) of each tenant's bill, from the day it was
 * made, per service of its fleet, in USD rounded to the cent. Tenants differ in size (a steady
 * factor from 0.5 to about 3.7); usage-priced services wander day to day and dip at weekends.
 * Only for tenants without any cost rows yet; their monthly sums are written in the same transaction.
 */
export function insertCostDays(ctx: ScaleContext, days: number): Promise<number> {
  if (days === 0) return Promise.resolve(0);
  const today = Math.floor(ctx.now.getTime() / dayMs) * dayMs;
  const [first, last] = [isoDay(today - days * dayMs), isoDay(today - dayMs)];
  const services = fleetDailyCost();
  return forTenantBatches(ctx, "cost_daily", Math.floor(200_000 / (days * services.length)), async (tx, ids) => {
    const fresh = await tenantsWithout(tx, costDaily, ids);
    if (!fresh.length) return 0;
    const inserted = await countInserted(
      tx,
      sql`insert into ${costDaily} (tenant_id, day, service, amount)
        select t.id, d.day::date, s.service,
          round((s.amount * exp(${unitHash(sql`t.id::text`)} * 2 - 0.7)
            * (case when s.variable then (0.85 + 0.3 * random()) * (case when extract(isodow from d.day) > 5 then 0.8 else 1 end) else 1 end))::numeric, 2)::float8
        from ${tenants} t
        cross join unnest(${sql.param(services.map((s) => s.service))}::text[], ${sql.param(services.map((s) => s.amount))}::float8[], ${sql.param(services.map((s) => s.variable))}::bool[]) as s(service, amount, variable)
        cross join lateral generate_series(greatest(${first}::date, (t.created_at at time zone 'UTC')::date), ${last}::date, interval '1 day') as d(day)
        where t.id = any(${sql.param(fresh)}::uuid[])
        order by t.id, d.day, s.service
        on conflict do nothing
        returning 1`,
    );
    await refreshCostMonths(tx, fresh, first, isoDay(today));
    return inserted;
  });
}
