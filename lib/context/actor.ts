import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { tenantGrants, users, type GrantLevel, type TokenScope, type User } from "@/db/schema";

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

// A user and their live grants in one statement: each statement a request runs costs the portal
// about half a millisecond, and every page and API call starts with this one.
const userWithLiveGrants = preparedOnce((db) =>
  db
    .select({
      user: users,
      // Spelled out with an alias: drizzle leaves a lone table's columns unqualified in a select.
      grants: sql<[string, GrantLevel][]>`(
        select coalesce(json_agg(json_build_array(g.tenant_id, g.level)), '[]'::json) from ${tenantGrants} g
        where g.user_id = ${users}.id and (g.expires_at is null or g.expires_at > now()))`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .limit(1)
    .prepare("actor_user_with_live_grants"),
);

function actorOf(user: User, rows: [tenantId: string, level: GrantLevel][]): Actor {
  const grants = new Map<string, GrantLevel>();
  for (const [tenantId, level] of rows) if (grants.get(tenantId) !== "write") grants.set(tenantId, level);
  return { id: user.id, email: user.email, name: user.name, role: user.role, grants };
}

export async function loadActor(db: Db, user: User): Promise<Actor> {
  const [row] = await userWithLiveGrants(db).execute({ id: user.id });
  return actorOf(user, row?.grants ?? []);
}

/** A user by id with their actor, or null when there is no such user; the caller decides whether they may act. */
export async function loadUserWithActor(db: Db, id: string): Promise<{ user: User; actor: Actor } | null> {
  const [row] = await userWithLiveGrants(db).execute({ id });
  return row ? { user: row.user, actor: actorOf(row.user, row.grants) } : null;
}
