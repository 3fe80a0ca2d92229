import { wholeSecondsSetting } from "@/lib/env/whole-seconds-setting";

export type InventorySettings = {
  /** How often the workers read each tenant's inventory from its cloud. */
  intervalSeconds: number;
  /** Tenants a worker claims at once; it claims again until none is due. */
  batchSize: number;
  /** Clouds a worker lists at once. */
  concurrency: number;
};

/** From the environment (ENCLAVE_INVENTORY_REFRESH_SECONDS); give every worker the same value. */
export function inventorySettings(env: Record<string, string | undefined> = process.env): InventorySettings {
  const intervalSeconds = wholeSecondsSetting(env, "ENCLAVE_INVENTORY_REFRESH_SECONDS", 300, 10);
  return { intervalSeconds, batchSize: 25, concurrency: 4 };
}

/** A claim outlives the longest listing (10 s timeout) many times; a worker that dies mid-batch frees its tenants after it. */
export const claimSeconds = 120;
/** A person's refresh is refused this soon after the last listing, so nobody can hammer the cloud. */
export const requestGapSeconds = 10;
/** After an operation, the next listing comes sooner: what the cloud said "pending" is up by then. */
export const afterOperationSeconds = (settings: InventorySettings) => Math.min(60, settings.intervalSeconds);
