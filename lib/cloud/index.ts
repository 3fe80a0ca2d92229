import type { Db } from "@/db/client";
import type { Infrastructure } from "@/db/schema";
import { createAwsDriver } from "./aws";
import { combineDrivers } from "./composite-driver";
import type { CloudDriver } from "./driver";
import { createKubernetesDriver } from "./kubernetes";
import { createLocalDriver, type LocalCloudConfig } from "./local-driver";

type RealCloudConfig = { vpcId?: string; kubeconfig?: string; context?: string };

/** The driver for an infrastructure, chosen by its kind; pages and the engine never branch on it. */
export async function driverFor(db: Db, infrastructure: Infrastructure): Promise<CloudDriver> {
  if (infrastructure.driver === "local") return createLocalDriver(db, infrastructure.id, infrastructure.config as LocalCloudConfig);
  const config = infrastructure.config as RealCloudConfig;
  const kubernetes = createKubernetesDriver({ kubeconfig: config.kubeconfig, context: config.context });
  if (infrastructure.driver === "kubernetes") return combineDrivers(null, kubernetes);
  return combineDrivers(createAwsDriver({ region: infrastructure.region, vpcId: config.vpcId ?? "" }), kubernetes);
}
