import { sql } from "drizzle-orm";
import { localCloudResources } from "@/db/schema";
import { chunk, countInserted, countRows, isoStrings } from "./batch-sql";
import { planFleet } from "./plan-fleet";
import type { ScaleContext } from "./scale-context";

export const countFleetRows = (ctx: ScaleContext) =>
  countRows(
    ctx.db,
    sql`select count(*)::int as n from ${localCloudResources} where infrastructure_id = ${ctx.infrastructureId}::uuid and tenant_tag = any(${sql.param(ctx.tenants.map((t) => t.name))}::text[])`,
  );

/** Each tenant's resources in the local cloud, running since the tenant was made (so costs add up). */
export async function insertFleets(ctx: ScaleContext): Promise<number> {
  let created = 0;
  for (const batch of chunk(ctx.tenants, 500)) {
    const rows = batch.flatMap((tenant) =>
      planFleet(ctx.infrastructureId, tenant.name).map((row) => ({ ...row, tenant })),
    );
    created += await countInserted(
      ctx.db,
      sql`insert into ${localCloudResources} (id, infrastructure_id, kind, name, tenant_tag, attributes, created_at)
        select id, ${ctx.infrastructureId}::uuid, kind, name, tag, attributes::jsonb, created::timestamptz
        from unnest(${sql.param(rows.map((r) => r.id))}::text[], ${sql.param(rows.map((r) => r.kind))}::text[], ${sql.param(rows.map((r) => r.name))}::text[],
          ${sql.param(rows.map((r) => r.tenant.name))}::text[], ${sql.param(rows.map((r) => JSON.stringify(r.attributes)))}::text[],
          ${sql.param(isoStrings(rows.map((r) => r.tenant.createdAt)))}::text[]) as u(id, kind, name, tag, attributes, created)
        on conflict do nothing returning 1`,
    );
  }
  return created;
}
