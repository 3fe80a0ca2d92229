// A year of believable daily cost for many tenants, written by generate_series, and its removal
import { randomUUID } from "node:crypto";
import type { Database } from "../db/client";
import { addDays } from "../lib/billing/forecast";
import { refreshCostMonths } from "../lib/billing/refresh-cost-months";
import { removeTenantCosts } from "../lib/billing/remove-costs";

// Typical dollars per day of each service for a mid-sized tenant.
const services: [string, number][] = [
  ["EC2", 14],
  ["RDS", 7],
  ["S3", 2.5],
  ["EKS", 2.4],
  ["EBS", 3],
  ["ELB", 1.8],
  ["NAT Gateway", 1.6],
  ["CloudWatch", 0.9],
  ["Data Transfer", 2.2],
  ["Lambda", 0.4],
  ["DynamoDB", 1.1],
  ["CloudFront", 0.7],
  ["Route 53", 0.05],
  ["KMS", 0.1],
  ["SQS", 0.08],
];
export const serviceCount = services.length;

export type Seed = { run: string; infrastructureId: string; tenantIds: string[]; rows: number; seconds: number };

const uuidArray = (ids: string[]) => `array['${ids.join("','")}']::uuid[]`;

/** An empty seed: one infrastructure of its own, which its tenants will belong to. */
export async function startSeed(database: Database): Promise<Seed> {
  const run = `bench-billing-${randomUUID().slice(0, 8)}`;
  const [infrastructure] = (
    await database.executeSql("insert into infrastructures (name) values ($1) returning id", [run])
  ).rows as { id: string }[];
  return { run, infrastructureId: infrastructure!.id, tenantIds: [], rows: 0, seconds: 0 };
}

/**
 * Adds tenants (the ranking joins them) with days × 15 services of cost ending on lastDay, and
 * their monthly sums as the sync writes them.
 */
export async function growSeed(
  database: Database,
  seed: Seed,
  tenantCount: number,
  days: number,
  lastDay: string,
): Promise<void> {
  const started = performance.now();
  const tenantIds = Array.from({ length: tenantCount }, () => randomUUID());
  const offset = seed.tenantIds.length;
  await database.executeSql(
    `insert into tenants (id, name, infrastructure_id, status) select id, '${seed.run}-' || (n + ${offset}), '${seed.infrastructureId}', 'ready' from unnest(${uuidArray(tenantIds)}) with ordinality as t(id, n)`,
  );
  const firstDay = addDays(lastDay, 1 - days);
  const [names, weights] = [
    services.map(([name]) => `'${name}'`).join(","),
    services.map(([, weight]) => weight).join(","),
  ];
  // 100 tenants a statement keeps PGlite's memory and each transaction modest.
  for (let i = 0; i < tenantCount; i += 100) {
    const batch = tenantIds.slice(i, i + 100);
    await database.executeSql(`
      with t as materialized (select id, exp(random() * 3.5 - 1.5) as scale from unnest(${uuidArray(batch)}) id),
           s as (select * from unnest(array[${names}], array[${weights}]::float8[]) s(name, weight))
      insert into cost_daily (tenant_id, day, service, amount)
      select t.id, '${firstDay}'::date + n, s.name,
             round((t.scale * s.weight * (1 + 0.5 * n / ${days}.0) * (case when extract(isodow from '${firstDay}'::date + n) > 5 then 0.7 else 1 end)
                    * (0.85 + random() * 0.3))::numeric, 4)::float8
      from t, s, generate_series(0, ${days - 1}) n`);
    await refreshCostMonths(database.db, batch, firstDay);
  }
  // Index-only scans need the visibility map that VACUUM writes; ANALYZE gives the planner the row counts.
  for (const table of ["cost_daily", "cost_monthly", "cost_monthly_totals"])
    await database.executeSql(`vacuum analyze ${table}`);
  await database.executeSql("analyze tenants");
  seed.tenantIds.push(...tenantIds);
  seed.rows += tenantCount * days * services.length;
  seed.seconds = +(seed.seconds + (performance.now() - started) / 1000).toFixed(1);
}

/** Tenant rows and tenants × days × 15 services of cost ending on lastDay, in one go. */
export async function seedCosts(database: Database, tenantCount: number, days: number, lastDay: string): Promise<Seed> {
  const seed = await startSeed(database);
  await growSeed(database, seed, tenantCount, days, lastDay);
  return seed;
}

/** Removes exactly what the seed wrote: fresh random tenant ids and one infrastructure of its own. */
export async function removeSeed(database: Database, seed: Seed): Promise<void> {
  for (let i = 0; i < seed.tenantIds.length; i += 100)
    await removeTenantCosts(database.db, seed.tenantIds.slice(i, i + 100));
  await database.executeSql("delete from tenants where infrastructure_id = $1", [seed.infrastructureId]);
  await database.executeSql("delete from infrastructures where id = $1", [seed.infrastructureId]);
}
