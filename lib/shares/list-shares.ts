import { desc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { shares, tenants, users } from "@/db/schema";

const owner = alias(tenants, "listed_owner");
const grantee = alias(tenants, "listed_grantee");
const requester = alias(users, "listed_requester");
const decider = alias(users, "listed_decider");

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The shares a tenant owns or was given, newest first, as plain rows for both lists of its page. */
export async function listShares(db: Db, tenantId: string) {
  const rows = await db
    .select({
      share: shares,
      ownerName: owner.name,
      granteeName: grantee.name,
      requestedBy: requester.name,
      decidedBy: decider.name,
    })
    .from(shares)
    .innerJoin(owner, eq(owner.id, shares.ownerTenantId))
    .innerJoin(grantee, eq(grantee.id, shares.granteeTenantId))
    .leftJoin(requester, eq(requester.id, shares.requestedBy))
    .leftJoin(decider, eq(decider.id, shares.decidedBy))
    .where(or(eq(shares.ownerTenantId, tenantId), eq(shares.granteeTenantId, tenantId)))
    .orderBy(desc(shares.requestedAt));
  const view = rows.map(({ share, ...names }) => ({
    id: share.id,
    side: share.ownerTenantId === tenantId ? ("owner" as const) : ("grantee" as const),
    resource: `${share.resourceKind} ${share.resourceName}`,
    resourceKind: share.resourceKind,
    resourceName: share.resourceName,
    otherTenant: share.ownerTenantId === tenantId ? names.granteeName : names.ownerName,
    access: share.access,
    state: share.state,
    error: share.error,
    requestedBy: names.requestedBy,
    requestedAt: share.requestedAt.toISOString(),
    decidedBy: names.decidedBy,
    decidedAt: iso(share.decidedAt),
    revokedAt: iso(share.revokedAt),
  }));
  return {
    sharedWith: view.filter((s) => s.side === "grantee"),
    sharedBy: view.filter((s) => s.side === "owner"),
  };
}
export type ShareRow = Awaited<ReturnType<typeof listShares>>["sharedBy"][number];
