import { sql } from "drizzle-orm";
import { auditEvents, infrastructures, tenantGrants, tenants, users } from "@/db/schema";
import { countInserted, countRows } from "./batch-sql";
import type { ScaleContext } from "./scale-context";
import { loadAdminEmail, scaleEmailPattern } from "./scale-names";

const tenantIds = (ctx: ScaleContext) => sql.param(ctx.tenants.map((t) => t.id));

/** The audit events of the seed's tenants and users: those naming one of its tenants or one of its accounts. */
export const countAuditEvents = (ctx: ScaleContext) =>
  countRows(
    ctx.db,
    sql`select count(*)::int as n from ${auditEvents}
      where tenant_id = any(${tenantIds(ctx)}::uuid[]) or target like ${scaleEmailPattern(ctx.prefix)}`,
  );

/**
 * The log an admin would have left making what the seed made: each tenant created, each account
 * created, each grant set, at the time the row says it was made and in the shapes the portal
 * writes them (lib/tenants/create-tenant.ts, lib/users/create-local-user.ts,
 * lib/grants/grant-tenant-access.ts). An event already there is not written again.
 */
export const insertAuditEvents = (ctx: ScaleContext) =>
  countInserted(
    ctx.db,
    sql`insert into ${auditEvents} (at, actor_id, action, tenant_id, target, details)
      select e.at, (select id from ${users} where email = ${loadAdminEmail(ctx.prefix)}), e.action, e.tenant_id, e.target, e.details
      from (
        select t.created_at as at, 'tenant.create' as action, t.id as tenant_id, t.name as target,
          jsonb_build_object('infrastructure', i.name, 'quota', null, 'expiresAt', null) as details
        from ${tenants} t join ${infrastructures} i on i.id = t.infrastructure_id
        where t.id = any(${tenantIds(ctx)}::uuid[])
        union all
        select u.created_at, 'user.create', null, u.email, jsonb_build_object('userId', u.id, 'name', u.name, 'role', u.role)
        from ${users} u where u.email like ${scaleEmailPattern(ctx.prefix)}
        union all
        select g.created_at, 'grant.set', g.tenant_id, u.email, jsonb_build_object('level', g.level, 'expiresAt', g.expires_at)
        from ${tenantGrants} g join ${users} u on u.id = g.user_id
        where g.tenant_id = any(${tenantIds(ctx)}::uuid[]) and u.email like ${scaleEmailPattern(ctx.prefix)}
      ) as e
      where not exists (
        select 1 from ${auditEvents} a
        where a.action = e.action and a.target = e.target and a.tenant_id is not distinct from e.tenant_id
      )
      order by e.at
      returning 1`,
  );
