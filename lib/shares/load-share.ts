import { and, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { shares, tenants, type Share, type Tenant } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

const owner = alias(tenants, "share_owner");
const grantee = alias(tenants, "share_grantee");

export type LoadedShare = { share: Share; owner: Tenant; grantee: Tenant };

/**
 * The share with both its tenants, locked for the caller's transaction, when it touches `tenantId`
 * on the side asked for; any other share answers like a missing one.
 */
export async function loadShareFor(
  tx: Db,
  shareId: string,
  tenantId: string,
  side: "owner" | "either",
): Promise<LoadedShare> {
  const touches =
    side === "owner"
      ? eq(shares.ownerTenantId, tenantId)
      : or(eq(shares.ownerTenantId, tenantId), eq(shares.granteeTenantId, tenantId));
  const [row] = await tx
    .select({ share: shares, owner, grantee })
    .from(shares)
    .innerJoin(owner, eq(owner.id, shares.ownerTenantId))
    .innerJoin(grantee, eq(grantee.id, shares.granteeTenantId))
    .where(and(eq(shares.id, shareId), touches))
    .for("update", { of: shares });
  if (!row) throw new NotFoundError("That share does not exist.");
  return row;
}
