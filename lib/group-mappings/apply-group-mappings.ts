import { and, eq, inArray, like, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ssoGroupMappings, tenantGrants, tenants, users, type GrantLevel, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { nextRole, strongestGroupRole } from "./next-role";

type GroupGrant = { tenantId: string; tenant: string; source: string; level: GrantLevel };
const keyOf = (g: { tenantId: string; source: string }) => `${g.tenantId}|${g.source}`;
const describeGrant = (g: GroupGrant) => ({ tenant: g.tenant, level: g.level, group: g.source.slice("group:".length) });

/**
 * Makes the user's group-given grants and role match the groups the IdP sent, inside the
 * caller's transaction, and audits what changed. Direct grants and a directly set role are kept.
 */
export async function applyGroupMappings(tx: Db, user: User, groups: string[]): Promise<User> {
  const mappings = groups.length
    ? await tx
        .select({
          group: ssoGroupMappings.group,
          role: ssoGroupMappings.role,
          tenantId: tenants.id,
          tenant: tenants.name,
          level: ssoGroupMappings.level,
        })
        .from(ssoGroupMappings)
        .leftJoin(tenants, and(eq(tenants.id, ssoGroupMappings.tenantId), ne(tenants.status, "deleted")))
        .where(inArray(ssoGroupMappings.group, groups))
    : [];
  const wanted = new Map<string, GroupGrant>();
  for (const m of mappings) {
    if (m.tenantId && m.tenant && m.level) {
      const grant = { tenantId: m.tenantId, tenant: m.tenant, source: `group:${m.group}`, level: m.level };
      wanted.set(keyOf(grant), grant);
    }
  }
  const held = await tx
    .select({
      id: tenantGrants.id,
      tenantId: tenantGrants.tenantId,
      tenant: tenants.name,
      source: tenantGrants.source,
      level: tenantGrants.level,
    })
    .from(tenantGrants)
    .innerJoin(tenants, eq(tenants.id, tenantGrants.tenantId))
    .where(and(eq(tenantGrants.userId, user.id), like(tenantGrants.source, "group:%")));
  const heldKeys = new Set(held.map(keyOf));
  const removed = held.filter((g) => !wanted.has(keyOf(g)));
  const changed = held
    .filter((g) => wanted.has(keyOf(g)) && wanted.get(keyOf(g))!.level !== g.level)
    .map((g) => ({ ...g, to: wanted.get(keyOf(g))!.level }));
  const added = [...wanted.values()].filter((g) => !heldKeys.has(keyOf(g)));

  if (removed.length)
    await tx.delete(tenantGrants).where(
      inArray(
        tenantGrants.id,
        removed.map((g) => g.id),
      ),
    );
  for (const g of changed) await tx.update(tenantGrants).set({ level: g.to }).where(eq(tenantGrants.id, g.id));
  if (added.length)
    await tx
      .insert(tenantGrants)
      .values(added.map((g) => ({ tenantId: g.tenantId, userId: user.id, level: g.level, source: g.source })));

  const role = nextRole(user, strongestGroupRole(mappings.map((m) => m.role)));
  let updated = user;
  if (role.role !== user.role || role.roleSource !== user.roleSource) {
    [updated] = (await tx.update(users).set(role).where(eq(users.id, user.id)).returning()) as [User];
  }
  if (!removed.length && !changed.length && !added.length && role.role === user.role) return updated;
  await recordAudit(tx, {
    actorId: user.id,
    action: "sso.group_sync",
    target: updated.email,
    details: {
      mappedGroups: [...new Set(mappings.map((m) => m.group))],
      ...(role.role !== user.role ? { role: { from: user.role, to: role.role } } : {}),
      ...(added.length ? { grantsAdded: added.map(describeGrant) } : {}),
      ...(removed.length ? { grantsRemoved: removed.map(describeGrant) } : {}),
      ...(changed.length
        ? { grantsChanged: changed.map((g) => ({ ...describeGrant(g), from: g.level, to: g.to })) }
        : {}),
    },
  });
  return updated;
}
