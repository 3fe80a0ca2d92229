import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { grantTenantAccess, revokeTenantAccess } from "@/lib/grants/grant-tenant-access";
import { NotFoundError } from "@/lib/errors";
import { listTenantAccess } from "@/lib/tenants/queries";
import { defineApiRoute } from "../define-route";
import { apiGrant, apiUser, grantBody } from "../schemas/grant";
import { isoOrNull } from "../schemas/time";

const userParam = z.object({
  user: z.string().trim().min(1).max(254).meta({ description: "The user's id or email address." }),
});

/** The user a path names by id or (any case) email; a name nobody has is a 404 that repeats it. */
async function findUser(db: Db, idOrEmail: string) {
  const byId = z.uuid().safeParse(idOrEmail).success;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, kind: users.kind })
    .from(users)
    .where(byId ? eq(users.id, idOrEmail) : sql`lower(${users.email}) = lower(${idOrEmail})`);
  if (!user) throw new NotFoundError(`No user ${idOrEmail}.`);
  return user;
}

export const listGrants = defineApiRoute({
  operation: "GET /api/v1/tenants/[tenant]/grants",
  tag: "Grants",
  summary: "List who has access to a tenant",
  description: "Live grants only; a user with a direct and a group grant appears once for each.",
  response: z.object({ items: z.array(apiGrant) }).meta({ id: "GrantList" }),
  async handle({ db, tenant }) {
    const rows = await listTenantAccess(db, tenant.id);
    return {
      items: rows.map((row) => ({
        user: { id: row.userId, email: row.email, name: row.name, kind: row.kind },
        level: row.level,
        expiresAt: isoOrNull(row.expiresAt),
        source: row.source,
      })),
    };
  },
});

export const putGrant = defineApiRoute({
  operation: "PUT /api/v1/tenants/[tenant]/grants/[user]",
  tag: "Grants",
  summary: "Grant a user access to a tenant",
  description: "Gives or changes the user's direct grant; their next request carries it.",
  params: userParam,
  body: grantBody,
  response: apiGrant,
  errors: [403],
  async handle(ctx, { params, body }) {
    const user = await findUser(ctx.db, params.user);
    await grantTenantAccess(ctx, { tenant: ctx.tenant.name, userId: user.id, ...body });
    return {
      user,
      level: body.level,
      expiresAt: isoOrNull(body.expiresAt ? new Date(body.expiresAt) : null),
      source: "direct",
    };
  },
});

export const deleteGrant = defineApiRoute({
  operation: "DELETE /api/v1/tenants/[tenant]/grants/[user]",
  tag: "Grants",
  summary: "Revoke a user's access to a tenant",
  description: "Removes the user's direct grant (a group's grant goes with the group); their next request is refused.",
  params: userParam,
  response: z.object({ user: apiUser, revoked: z.literal(true) }).meta({ id: "GrantRevoked" }),
  errors: [403],
  async handle(ctx, { params }) {
    const user = await findUser(ctx.db, params.user);
    await revokeTenantAccess(ctx, { tenant: ctx.tenant.name, userId: user.id });
    return { user, revoked: true as const };
  },
});
