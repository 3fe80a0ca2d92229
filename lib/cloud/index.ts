import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedOnce } from "@/db/prepared";
import { infrastructures, type Infrastructure } from "@/db/schema";
import type { CloudDriver } from "./contract";
import { driverFor } from "./registry";

export { driverFor };

const infrastructureById = preparedOnce((db) =>
  db
    .select()
    .from(infrastructures)
    .where(eq(infrastructures.id, sql.placeholder("id")))
    .prepare("infrastructure_by_id"),
);

/** The driver of the infrastructure a tenant lives on: read each time, since an admin may change its settings. */
export async function driverForInfrastructureId(db: Db, infrastructureId: string): Promise<CloudDriver> {
  const [infrastructure] = await infrastructureById(db).execute({ id: infrastructureId });
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
