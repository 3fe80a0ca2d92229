import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { escapeLike } from "@/db/escape-like";
import { userRole, userStatus, users } from "@/db/schema";

const usersPageSize = 25;

// Read from the URL: anything unexpected falls back to "no filter" rather than an error page.
const userListQuery = z.object({
  search: z.string().trim().max(100).catch(""),
  role: z.enum(userRole.enumValues).optional().catch(undefined),
  status: z.enum(userStatus.enumValues).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
  pageSize: z.number().int().min(1).max(100).catch(usersPageSize),
  sort: z.enum(["email", "role", "status", "lastSignInAt", "tenantCount"]).catch("email"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});
export type UserSort = Pick<z.infer<typeof userListQuery>, "sort" | "dir">;
/** The sort a URL asks for, or by email. */
export const userSort = (query: { sort?: unknown; dir?: unknown }): UserSort =>
  userListQuery.pick({ sort: true, dir: true }).parse(query);
/** Raw values, as read from a URL or given by a caller; each is checked by `userListQuery`. */
type UserListQuery = Partial<Record<keyof z.infer<typeof userListQuery>, unknown>>;

/** One page of users, by email, with the total that match; a page past the end shows the last one. */
export async function listUsers(db: Db, query: UserListQuery = {}) {
  const { search, role, status, page, pageSize, sort, dir } = userListQuery.parse(query);
  const pattern = `%${escapeLike(search)}%`;
  // People only: service accounts never sign in and are listed on their own page.
  const filters: (SQL | undefined)[] = [
    eq(users.kind, "person"),
    search ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined,
    role ? eq(users.role, role) : undefined,
    status ? eq(users.status, status) : undefined,
  ];
  const where = and(...filters);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(users).where(where);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pageCount);
  // The count is a subquery in the select list, so PostgreSQL works it out for the page's rows
  // only, after the sort and limit, instead of joining every user's grants and grouping them all.
  // Raw names: drizzle leaves columns unqualified in a one-table select, which the subquery's join would make ambiguous.
  const tenantCount = sql<number>`(
    select count(distinct g.tenant_id) from tenant_grants g join tenants t on t.id = g.tenant_id
    where g.user_id = "users"."id" and (g.expires_at is null or g.expires_at > now()) and t.status <> 'deleted'
  )`.mapWith(Number);
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      lastSignInAt: users.lastSignInAt,
      tenantCount,
    })
    .from(users)
    .where(where)
    .orderBy(...orderOf(sort, dir, tenantCount))
    .limit(pageSize)
    .offset((current - 1) * pageSize);
  return { rows, total, page: current, pageSize, pageCount };
}

// Email breaks ties, so a page boundary never splits or repeats a row.
function orderOf(sort: UserSort["sort"], dir: UserSort["dir"], tenantCount: SQL<number>) {
  const key = {
    email: users.email,
    role: users.role,
    status: users.status,
    lastSignInAt: users.lastSignInAt,
    tenantCount,
  }[sort];
  const by = dir === "desc" ? desc : asc;
  if (sort === "email") return [by(users.email)];
  // Those who never signed in come last either way.
  if (sort === "lastSignInAt") return [sql`${key} ${sql.raw(dir)} nulls last`, asc(users.email)];
  return [by(key), asc(users.email)];
}

export type UserListRow = Awaited<ReturnType<typeof listUsers>>["rows"][number];
