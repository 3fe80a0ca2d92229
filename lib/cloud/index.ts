import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, type Infrastructure } from "@/db/schema";
import { createAwsDriver } from "./aws";
import { combineDrivers } from "./composite-driver";
import type { CloudDriver } from "./driver";
import { createKubernetesDriver } from "./kubernetes";
import { createLocalDriver, type LocalCloudConfig } from "./local-driver";

type RealCloudConfig = { vpcId?: string; kubeconfig?: string; context?: string };

/** The driver for an infrastructure, chosen by its kind; pages and the engine never branch on it. */
export async function driverFor(db: Db, infrastructure: Infrastructure): Promise<CloudDriver> {
  if (infrastructure.driver === "local")
    return createLocalDriver(db, infrastructure.id, infrastructure.config as LocalCloudConfig);
  const config = infrastructure.config as RealCloudConfig;
  const kubernetes = createKubernetesDriver({ kubeconfig: config.kubeconfig, context: config.context });
  if (infrastructure.driver === "kubernetes") return combineDrivers(null, kubernetes);
  return combineDrivers(createAwsDriver({ region: infrastructure.region, vpcId: config.vpcId ?? "" }), kubernetes);
}

/** The driver of the infrastructure a tenant lives on. */
export async function driverForInfrastructureId(db: Db, infrastructureId: string): Promise<CloudDriver> {
  const [infrastructure] = await db.select().from(infrastructures).where(eq(infrastructures.id, infrastructureId));
  if (!infrastructure) throw new Error(`Infrastructure ${infrastructureId} does not exist.`);
  return driverFor(db, infrastructure);
}
