import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenantGrants, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { chunk, countInserted, countRows, isoStrings, rowsOf } from "./batch-sql";
import { planGrants } from "./plan-grants";
import { planUsers } from "./plan-users";
import type { ScaleContext } from "./scale-context";
import { scalePassword } from "./scale-names";

const plannedEmails = (prefix: string, count: number, now: Date) => planUsers(prefix, count, now).map((u) => u.email);

export const countScaleUsers = (db: Db, prefix: string, count: number, now: Date) =>
  countRows(
    db,
    sql`select count(*)::int as n from ${users} where email = any(${sql.param(plannedEmails(prefix, count, now))}::text[])`,
  );

/** The numbered users and the two load-test accounts; an account that exists keeps its password. */
export async function insertScaleUsers(db: Db, prefix: string, count: number, now: Date): Promise<number> {
  // One hash for every account: argon2 is slow on purpose, and 10,000 hashes would take minutes.
  const passwordHash = await hashPassword(scalePassword);
  let created = 0;
  for (const batch of chunk(planUsers(prefix, count, now), 5_000)) {
    created += await countInserted(
      db,
      sql`insert into ${users} (email, name, password_hash, role, status, created_at, last_sign_in_at)
        select email, name, ${passwordHash}, role::user_role, status::user_status, created::timestamptz, seen::timestamptz
        from unnest(${sql.param(batch.map((u) => u.email))}::text[], ${sql.param(batch.map((u) => u.name))}::text[], ${sql.param(batch.map((u) => u.role))}::text[],
          ${sql.param(batch.map((u) => u.status))}::text[], ${sql.param(isoStrings(batch.map((u) => u.createdAt)))}::text[],
          ${sql.param(isoStrings(batch.map((u) => u.lastSignInAt)))}::text[]) as u(email, name, role, status, created, seen)
        on conflict do nothing returning 1`,
    );
  }
  return created;
}

async function scaleUserIds(ctx: ScaleContext, count: number): Promise<Map<string, { id: string; createdAt: Date }>> {
  const emails = plannedEmails(ctx.prefix, count, ctx.now);
  const rows = [];
  for (const batch of chunk(emails, 10_000))
    rows.push(
      ...(await ctx.db
        .select({ id: users.id, email: users.email, createdAt: users.createdAt })
        .from(users)
        .where(inArray(users.email, batch))),
    );
  return new Map(rows.map((r) => [r.email, r]));
}

export async function countScaleGrants(ctx: ScaleContext, count: number): Promise<number> {
  const ids = [...(await scaleUserIds(ctx, count)).values()].map((u) => u.id);
  return countRows(
    ctx.db,
    sql`select count(*)::int as n from ${tenantGrants} where user_id = any(${sql.param(ids)}::uuid[])`,
  );
}

/**
 * Direct grants, made some time after both the user and the tenant existed. Users who have a
 * grant already get no more: a run with more tenants would otherwise plan them a second set.
 */
export async function insertScaleGrants(ctx: ScaleContext, userCount: number, tenantCount: number): Promise<number> {
  const userIds = await scaleUserIds(ctx, userCount);
  const ids = [...userIds.values()].map((u) => u.id);
  const granted = new Set(
    rowsOf<{ id: string }>(
      await ctx.db.execute(
        sql`select distinct user_id as id from ${tenantGrants} where user_id = any(${sql.param(ids)}::uuid[])`,
      ),
    ).map((r) => r.id),
  );
  const tenantIds = new Map(ctx.tenants.map((t) => [t.name, t]));
  const rows = planGrants(ctx.prefix, userCount, tenantCount, ctx.now).flatMap((grant) => {
    const user = userIds.get(grant.email);
    const tenant = tenantIds.get(grant.tenant);
    if (!user || !tenant || granted.has(user.id)) return [];
    const since = Math.max(user.createdAt.getTime(), tenant.createdAt.getTime());
    return [
      {
        ...grant,
        userId: user.id,
        tenantId: tenant.id,
        createdAt: new Date(since + (ctx.now.getTime() - since) * 0.1),
      },
    ];
  });
  let created = 0;
  for (const batch of chunk(rows, 5_000)) {
    created += await countInserted(
      ctx.db,
      sql`insert into ${tenantGrants} (tenant_id, user_id, level, expires_at, created_at)
        select tenant_id, user_id, level::grant_level, expires::timestamptz, created::timestamptz
        from unnest(${sql.param(batch.map((g) => g.tenantId))}::uuid[], ${sql.param(batch.map((g) => g.userId))}::uuid[], ${sql.param(batch.map((g) => g.level))}::text[],
          ${sql.param(isoStrings(batch.map((g) => g.expiresAt)))}::text[], ${sql.param(isoStrings(batch.map((g) => g.createdAt)))}::text[]) as u(tenant_id, user_id, level, expires, created)
        on conflict do nothing returning 1`,
    );
  }
  return created;
}
