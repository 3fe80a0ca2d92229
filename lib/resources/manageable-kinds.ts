import type { Db } from "@/db/client";
import { driverForInfrastructureId } from "@/lib/cloud";
import { userKinds, type ManageableKind } from "./resource-kinds";

/** The kinds a user may create in the tenant's cloud (a bare cluster has no hosts, buckets or databases); all when the driver cannot be made. */
export async function manageableKinds(db: Db, infrastructureId: string): Promise<ManageableKind[]> {
  const driver = await driverForInfrastructureId(db, infrastructureId).catch(() => null);
  return (["service", "host", "bucket", "database"] as const).filter(
    (k) => driver?.supports?.(userKinds[k].cloudKind) ?? true,
  );
}
