import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertEvents, alertRules, alerts, tenants } from "@/db/schema";
import { countInserted, countRows, forTenantBatches, tenantsWithout, unitHash } from "./batch-sql";
import type { ScaleContext } from "./scale-context";

const countFor = (ctx: ScaleContext, table: typeof alertRules | typeof alerts | typeof alertEvents) =>
  countRows(
    ctx.db,
    sql`select count(*)::int as n from ${table} where tenant_id = any(${sql.param(ctx.tenants.map((t) => t.id))}::uuid[])`,
  );
export const countAlertRules = (ctx: ScaleContext) => countFor(ctx, alertRules);
export const countAlerts = (ctx: ScaleContext) => countFor(ctx, alerts);
export const countAlertEvents = (ctx: ScaleContext) => countFor(ctx, alertEvents);

// Which templates a tenant gets is a hash, not random(): PostgreSQL may test random() once per template row.

/** Every tenant watches its api's CPU; two in five also its web service's errors. */
export const insertAlertRules = (ctx: ScaleContext) =>
  forTenantBatches(ctx, "alert_rules", 5_000, async (tx, ids) => {
    const fresh = await tenantsWithout(tx, alertRules, ids);
    if (!fresh.length) return 0;
    return countInserted(
      tx,
      sql`insert into ${alertRules} (tenant_id, name, metric, resource, condition, threshold, window_minutes, severity, created_at)
        select t.id, r.name, r.metric, r.resource, r.condition, r.threshold, r.minutes, r.severity::alert_severity, least(${ctx.now.toISOString()}::timestamptz, t.created_at + interval '1 day')
        from ${tenants} t cross join (values ('High CPU on api', 'cpu', 'api', 'above', 85, 10, 'warning', 1.0), ('Error spike on web', 'errors', 'web', 'above', 20, 5, 'critical', 0.4))
          as r(name, metric, resource, condition, threshold, minutes, severity, share)
        where t.id = any(${sql.param(fresh)}::uuid[]) and ${unitHash(sql`t.id::text || r.name`)} < r.share
        returning 1`,
    );
  });

// Cloud alarms of the local driver (lib/cloud/local/alarms.ts) and the CPU rule: resolved ones over
// the last month, now and then one still open (a third of those acknowledged) from the last hours.
const templates = sql`(values
  ('cloud', 'cloud:local:workload:api', 'High 5xx rate on api', 'critical', 'api', 'More than 5% of requests failed over 5 minutes.', false, 1.0),
  ('cloud', 'cloud:local:host:db-host', 'Disk almost full on db-host', 'warning', 'db-host', 'The root volume is over 90% full.', false, 0.6),
  ('rule', null, 'High CPU on api: CPU above 85 over 10 min', 'warning', 'api', null, false, 0.7),
  ('cloud', 'cloud:local:workload:web', 'High 5xx rate on web', 'critical', 'web', 'More than 5% of requests failed over 5 minutes.', true, 0.3)
) as a(source, key, title, severity, resource, reason, open, share)`;

async function insertTenantAlerts(tx: Db, tenantIds: string[], now: string): Promise<number> {
  return countInserted(
    tx,
    sql`insert into ${alerts} (tenant_id, source, key, rule_id, title, severity, resource, state, value, details, opened_at, acknowledged_at, resolved_at)
      select p.tenant_id, p.source::alert_source, coalesce(p.key, 'rule:' || r.id), r.id, p.title, p.severity::alert_severity, p.resource,
        (case when not p.open then 'resolved' when p.roll < 0.33 then 'acknowledged' else 'open' end)::alert_state,
        case when p.source = 'rule' then round((86 + p.roll * 12)::numeric, 2)::float8 end,
        case when p.reason is null then '{}'::jsonb else jsonb_build_object('reason', p.reason, 'since', p.opened_at) end,
        p.opened_at, case when p.open and p.roll < 0.33 then p.opened_at + interval '12 minutes' end, case when not p.open then p.opened_at + (10 + p.roll * 50) * interval '1 minute' end
      from (
        select t.id as tenant_id, a.*, random() as roll,
          ${now}::timestamptz - (case when a.open then random() * interval '12 hours' else (1 + random() * 29) * interval '1 day' end) as opened_at
        from unnest(${sql.param(tenantIds)}::uuid[]) as t(id) cross join ${templates}
        where ${unitHash(sql`t.id::text || a.title`)} < a.share
      ) as p
      left join ${alertRules} r on r.tenant_id = p.tenant_id and r.name = 'High CPU on api' and p.source = 'rule'
      where p.source <> 'rule' or r.id is not null
      on conflict do nothing
      returning 1`,
  );
}

/** A few alerts per tenant without any, each with its history: opened, maybe acknowledged, maybe resolved. */
export const insertAlerts = (ctx: ScaleContext) =>
  forTenantBatches(ctx, "alerts", 5_000, async (tx, ids) => {
    const fresh = await tenantsWithout(tx, alerts, ids);
    return fresh.length ? insertTenantAlerts(tx, fresh, ctx.now.toISOString()) : 0;
  });

export const insertAlertEvents = (ctx: ScaleContext) =>
  forTenantBatches(ctx, "alert_events", 5_000, (tx, ids) =>
    countInserted(
      tx,
      sql`insert into ${alertEvents} (alert_id, tenant_id, transition, at)
        select a.id, a.tenant_id, e.transition::alert_state, e.at
        from ${alerts} a cross join lateral (values ('open', a.opened_at), ('acknowledged', a.acknowledged_at), ('resolved', a.resolved_at)) as e(transition, at)
        where a.tenant_id = any(${sql.param(ids)}::uuid[]) and e.at is not null and not exists (select 1 from ${alertEvents} x where x.alert_id = a.id)
        returning 1`,
    ),
  );
