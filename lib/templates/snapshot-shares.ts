import type { Db } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { listShares, type ShareRow } from "@/lib/shares/list-shares";

const placeholder = (share: ShareRow, direction: "granted" | "received") => ({
  direction,
  otherTenant: share.otherTenant,
  resourceKind: share.resourceKind,
  resource: share.resourceName,
  access: share.access,
});

/** The tenant's active shares, both ways, as a template's placeholders: each is asked for and approved again. */
export async function describeTenantShares(db: Db, tenant: Pick<Tenant, "id">) {
  const { sharedBy, sharedWith } = await listShares(db, tenant.id);
  const active = (share: ShareRow) => share.state === "active";
  return [
    ...sharedBy.filter(active).map((share) => placeholder(share, "granted")),
    ...sharedWith.filter(active).map((share) => placeholder(share, "received")),
  ];
}
