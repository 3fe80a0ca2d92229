import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, type Infrastructure } from "@/db/schema";
import type { CloudDriver } from "./contract";
import { driverFor } from "./registry";

export { driverFor };

/** The driver of the infrastructure a tenant lives on. */
export async function driverForInfrastructureId(db: Db, infrastructureId: string): Promise<CloudDriver> {
  const [infrastructure] = await db.select().from(infrastructures).where(eq(infrastructures.id, infrastructureId));
  if (!infrastructure) throw new Error(`Infrastructure ${infrastructureId} does not exist.`);
  return driverFor(db, infrastructure);
}

/** For work over many tenants (a monitoring tick): one driver per infrastructure, opened when first asked for. */
export function driversByInfrastructure(db: Db) {
  const drivers = new Map<string, Promise<CloudDriver>>();
  return (infrastructure: Infrastructure): Promise<CloudDriver> => {
    if (!drivers.has(infrastructure.id)) drivers.set(infrastructure.id, driverFor(db, infrastructure));
    return drivers.get(infrastructure.id)!;
  };
}
