import { alias } from "drizzle-orm/pg-core";
import { and, eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shares, tenants, type Tenant } from "@/db/schema";

const owner = alias(tenants, "share_owner");
const grantee = alias(tenants, "share_grantee");

/** The tenant's active shares, both ways, as a template's placeholders: each is asked for and approved again. */
export async function describeTenantShares(db: Db, tenant: Pick<Tenant, "id">) {
  const rows = await db
    .select({ share: shares, owner: owner.name, grantee: grantee.name })
    .from(shares)
    .innerJoin(owner, eq(owner.id, shares.ownerTenantId))
    .innerJoin(grantee, eq(grantee.id, shares.granteeTenantId))
    .where(
      and(eq(shares.state, "active"), or(eq(shares.ownerTenantId, tenant.id), eq(shares.granteeTenantId, tenant.id))),
    );
  return rows.map(({ share, owner, grantee }) => {
    const granted = share.ownerTenantId === tenant.id;
    return {
      direction: granted ? ("granted" as const) : ("received" as const),
      otherTenant: granted ? grantee : owner,
      resourceKind: share.resourceKind,
      resource: share.resourceName,
      access: share.access,
    };
  });
}
