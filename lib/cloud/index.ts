import type { Db } from "@/db/client";
import type { Infrastructure } from "@/db/schema";
import { PermanentCloudError, type CloudDriver } from "./driver";
import { createLocalDriver, type LocalCloudConfig } from "./local-driver";

/** The driver for an infrastructure, chosen by its kind; pages and the engine never branch on it. */
export async function driverFor(db: Db, infrastructure: Infrastructure): Promise<CloudDriver> {
  if (infrastructure.driver === "local") return createLocalDriver(db, infrastructure.id, infrastructure.config as LocalCloudConfig);
  throw new PermanentCloudError(`The ${infrastructure.driver} driver is not wired into this build yet.`);
}
