import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { tenantGrants, type GrantLevel, type TokenScope, type User } from "@/db/schema";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: User["role"];
  /** Live grants only (expired ones are left out), strongest level per tenant id. */
  grants: ReadonlyMap<string, GrantLevel>;
  /** Set when the request came with an access token: the policy caps the actor at its scope. */
  token?: { id: string; name: string; scope: TokenScope };
}

const liveGrantsOf = preparedOnce((db) =>
  db
    .select({ tenantId: tenantGrants.tenantId, level: tenantGrants.level })
    .from(tenantGrants)
    .where(
      and(
        eq(tenantGrants.userId, sql.placeholder("userId")),
        or(isNull(tenantGrants.expiresAt), gt(tenantGrants.expiresAt, sql`now()`)),
      ),
    )
    .prepare("actor_live_grants"),
);

export async function loadActor(db: Db, user: User): Promise<Actor> {
  const rows = await liveGrantsOf(db).execute({ userId: user.id });
  const grants = new Map<string, GrantLevel>();
  for (const row of rows) if (grants.get(row.tenantId) !== "write") grants.set(row.tenantId, row.level);
  return { id: user.id, email: user.email, name: user.name, role: user.role, grants };
}
