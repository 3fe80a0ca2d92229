import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, type Infrastructure } from "@/db/schema";
import type { CloudDriver } from "./contract";
import { openCloud } from "./registry";

/** The driver for an infrastructure, chosen by its kind and checked against its kind's config schema. */
export async function driverFor(db: Db, infrastructure: Infrastructure): Promise<CloudDriver> {
  return openCloud(db, infrastructure);
}

/** The driver of the infrastructure a tenant lives on. */
export async function driverForInfrastructureId(db: Db, infrastructureId: string): Promise<CloudDriver> {
  const [infrastructure] = await db.select().from(infrastructures).where(eq(infrastructures.id, infrastructureId));
  if (!infrastructure) throw new Error(`Infrastructure ${infrastructureId} does not exist.`);
  return driverFor(db, infrastructure);
}
