import { sql } from "drizzle-orm";
import { localCloudResources, metricPoints, tenants } from "@/db/schema";
import { workloadMetrics } from "@/lib/cloud/contract";
import { countInserted, countRows, forTenantBatches, tenantsWithout, unitHash } from "./batch-sql";
import type { ScaleContext } from "./scale-context";

const stepMs = 5 * 60_000;
const seriesPerTenant = 3 * 6 + 1 * 4; // three services with six metrics, one host with four

export const countMetricPoints = (ctx: ScaleContext) =>
  countRows(
    ctx.db,
    sql`select count(*)::int as n from ${metricPoints} where tenant_id = any(${sql.param(ctx.tenants.map((t) => t.id))}::uuid[])`,
  );

/**
 * A point every 5 minutes over the last `hours` for each metric of each service and host (hosts
 * serve no requests), shaped as lib/cloud/local/simulated-metrics.ts: a daily rhythm, jitter, bursts and
 * rare error spikes. Only for tenants that have no points yet, so a later re-run adds none.
 */
export function insertMetricPoints(ctx: ScaleContext, hours: number): Promise<number> {
  if (hours === 0) return Promise.resolve(0);
  const end = Math.floor(ctx.now.getTime() / stepMs) * stepMs;
  const [from, to] = [new Date(end - hours * 3_600_000 + stepMs).toISOString(), new Date(end).toISOString()];
  const jitter = sql`(0.9 + 0.2 * random())`;
  return forTenantBatches(
    ctx,
    "metric_points",
    Math.floor(300_000 / (seriesPerTenant * hours * 12)),
    async (tx, ids) => {
      const fresh = await tenantsWithout(tx, metricPoints, ids);
      if (!fresh.length) return 0;
      return countInserted(
        tx,
        sql`with l as materialized (
          select s.tenant_id, s.resource, s.host, s.scale, k.at,
            least((0.55 + 0.35 * sin((mod((extract(epoch from k.at) / 3600)::numeric, 24)::float8 - 8) / 24 * 2 * pi()))
              * (case when random() < 0.06 then 1.6 + random() * 0.6 else 1 end), 1.8) as load
          from (
            select t.id as tenant_id, regexp_replace(r.name, '^.*/', '') as resource, r.kind = 'host' as host, 0.5 + ${unitHash(sql`t.id::text || r.name`)} as scale
            from ${tenants} t join ${localCloudResources} r on r.infrastructure_id = ${ctx.infrastructureId}::uuid and r.tenant_tag = t.name and r.kind in ('workload', 'host')
            where t.id = any(${sql.param(fresh)}::uuid[])
          ) as s
          cross join generate_series(${from}::timestamptz, ${to}::timestamptz, interval '5 minutes') as k(at)
        )
        insert into ${metricPoints} (tenant_id, resource, metric, at, value)
        select l.tenant_id, l.resource, m.metric, l.at, round(100 * case m.metric
            when 'cpu' then least(100, (8 + 50 * l.load) * ${jitter})
            when 'memory' then (case when l.host then 6144 else 384 end) * l.scale * (0.75 + 0.2 * l.load) * ${jitter}
            when 'network_in' then (case when l.host then 900 else 300 end) * l.scale * l.load * ${jitter}
            when 'network_out' then (case when l.host then 500 else 420 end) * l.scale * l.load * ${jitter}
            when 'requests' then 900 * l.scale * l.load * ${jitter}
            else 900 * l.scale * l.load * (case when random() < 0.02 then 0.05 + 0.1 * random() else 0.002 end) * ${jitter}
          end) / 100
        from l cross join unnest(${sql.param([...workloadMetrics])}::text[]) as m(metric)
        where not (l.host and m.metric in ('requests', 'errors'))
        -- In primary-key order: the index pages fill one after the other, a third faster than in random order.
        order by l.tenant_id, m.metric, l.resource, l.at
        on conflict do nothing
        returning 1`,
      );
    },
  );
}
