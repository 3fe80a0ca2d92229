import type { Db } from "@/db/client";
import { driverForInfrastructureId } from "./index";
import type { CloudDriver, ResourceRef } from "./contract";

// Bounds an unreachable cloud, not a slow one: the local cloud answered in over 3 s on a loaded
// 2-core machine, and the page then showed no resources at all.
const timeoutMs = 10_000;

/** Everything carrying the tenant's tag, or an error when the cloud gives no answer in time. */
export async function listWithTimeout(driver: CloudDriver, tenant: string): Promise<ResourceRef[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs)),
  );
  try {
    return await Promise.race([driver.listTenantResources(tenant), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why a listing failed, in words a person can act on. */
export const listingError = (error: unknown) =>
  `The cloud could not be listed: ${error instanceof Error ? error.message : String(error)}`;

/**
 * What the tenant's cloud holds under its tag, and the driver that listed it (for callers that ask
 * it more); a cloud that cannot be reached in time says so.
 */
export async function listTenantCloud(
  db: Db,
  tenant: { name: string; infrastructureId: string },
): Promise<{ resources: ResourceRef[]; error: string | null; driver: CloudDriver | null }> {
  let driver: CloudDriver | null = null;
  try {
    driver = await driverForInfrastructureId(db, tenant.infrastructureId);
    return { resources: await listWithTimeout(driver, tenant.name), error: null, driver };
  } catch (error) {
    return { resources: [], error: listingError(error), driver };
  }
}
