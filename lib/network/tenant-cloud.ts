import type { Db } from "@/db/client";
import type { Tenant } from "@/db/schema";
import { driverForInfrastructureId } from "@/lib/cloud";
import type { CloudDriver } from "@/lib/cloud/contract";
import { findTenantConstruct } from "@/lib/provisioning/constructs";

/** The tenant's cloud driver, security group and namespace: what its network rules attach to. */
export async function tenantNetwork(
  db: Db,
  tenant: Pick<Tenant, "id" | "infrastructureId">,
  driverOverride?: CloudDriver,
) {
  const [group, namespace] = await Promise.all([
    findTenantConstruct(db, tenant.id, "security-group"),
    findTenantConstruct(db, tenant.id, "namespace"),
  ]);
  return {
    driver: driverOverride ?? (await driverForInfrastructureId(db, tenant.infrastructureId)),
    groupId: group?.id,
    namespace: namespace?.name,
  };
}
