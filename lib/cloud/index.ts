import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures } from "@/db/schema";
import type { CloudDriver } from "./contract";
import { driverFor } from "./registry";

export { driverFor };

/** The driver of the infrastructure a tenant lives on. */
export async function driverForInfrastructureId(db: Db, infrastructureId: string): Promise<CloudDriver> {
  const [infrastructure] = await db.select().from(infrastructures).where(eq(infrastructures.id, infrastructureId));
  if (!infrastructure) throw new Error(`Infrastructure ${infrastructureId} does not exist.`);
  return driverFor(db, infrastructure);
}
