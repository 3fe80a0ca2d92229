import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, operations, tenants } from "@/db/schema";
import { describeCloud } from "@/lib/cloud/registry";
import { chunk, countInserted, countRows, forTenantBatches, isoStrings, tenantsWithout } from "./batch-sql";
import { planTenants } from "./plan-tenants";
import type { ScaleContext, ScaleTenant } from "./scale-context";
import { scaleInfrastructureName, tenantNames } from "./scale-names";

/** The seed's local cloud, made once; an infrastructure of that name on another driver is refused, not reused. */
export async function ensureScaleInfrastructure(db: Db, prefix: string): Promise<{ id: string; created: number }> {
  const name = scaleInfrastructureName(prefix);
  const inserted = await db
    .insert(infrastructures)
    .values({ name, driver: "local", region: "local", config: { latencyMs: 0 } })
    .onConflictDoNothing()
    .returning();
  const [row] = await db.select().from(infrastructures).where(eq(infrastructures.name, name));
  // The seed writes their logs and metrics itself, which only a cloud of simulated telemetry reads.
  if (!describeCloud(row!.driver)?.simulatedTelemetry)
    throw new Error(`infrastructure ${name} exists with the ${row!.driver} driver; choose another --prefix`);
  return { id: row!.id, created: inserted.length };
}

export const countScaleTenants = (db: Db, prefix: string, count: number) =>
  countRows(
    db,
    sql`select count(*)::int as n from ${tenants} where name = any(${sql.param(tenantNames(prefix, count))}::text[]) and status <> 'deleted'`,
  );

/** Ready tenants, as if provisioned over the last year; a live tenant of the same name is left alone. */
export async function insertScaleTenants(
  db: Db,
  prefix: string,
  count: number,
  infrastructureId: string,
  now: Date,
): Promise<number> {
  let created = 0;
  for (const batch of chunk(planTenants(prefix, count, now), 5_000)) {
    created += await countInserted(
      db,
      sql`insert into ${tenants} (name, infrastructure_id, status, deletion_protection, expires_at, quota, created_at, updated_at)
        select name, ${infrastructureId}::uuid, 'ready', protected, expires::timestamptz, quota::jsonb, created::timestamptz, created::timestamptz
        from unnest(${sql.param(batch.map((t) => t.name))}::text[], ${sql.param(batch.map((t) => t.deletionProtection))}::bool[],
          ${sql.param(isoStrings(batch.map((t) => t.expiresAt)))}::text[], ${sql.param(batch.map((t) => (t.quota ? JSON.stringify(t.quota) : null)))}::text[],
          ${sql.param(isoStrings(batch.map((t) => t.createdAt)))}::text[]) as u(name, protected, expires, quota, created)
        on conflict do nothing returning 1`,
    );
  }
  return created;
}

/** The seed's tenants as they are in the database (ids and ages may come from an earlier run). */
export async function loadScaleTenants(
  db: Db,
  prefix: string,
  count: number,
  infrastructureId: string,
): Promise<ScaleTenant[]> {
  const rows = await db
    .select({ id: tenants.id, name: tenants.name, createdAt: tenants.createdAt })
    .from(tenants)
    .where(
      and(
        eq(tenants.infrastructureId, infrastructureId),
        inArray(tenants.name, tenantNames(prefix, count)),
        ne(tenants.status, "deleted"),
      ),
    );
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

export const countProvisionOperations = (ctx: ScaleContext) =>
  countRows(
    ctx.db,
    sql`select count(*)::int as n from ${operations} where tenant_id = any(${sql.param(ctx.tenants.map((t) => t.id))}::uuid[]) and kind = 'provision'`,
  );

/** One succeeded provision operation per tenant, finished a minute or two after the tenant was asked for. */
export const insertProvisionOperations = (ctx: ScaleContext) =>
  forTenantBatches(ctx, "operations", 5_000, async (tx, ids) => {
    const fresh = await tenantsWithout(tx, sql`(select tenant_id from ${operations} where kind = 'provision')`, ids);
    if (!fresh.length) return 0;
    return countInserted(
      tx,
      sql`insert into ${operations} (tenant_id, kind, state, created_at, started_at, finished_at)
        select t.id, 'provision', 'succeeded', t.created_at, t.created_at + interval '2 seconds', t.created_at + (30 + random() * 90) * interval '1 second'
        from ${tenants} t where t.id = any(${sql.param(fresh)}::uuid[])
        returning 1`,
    );
  });
