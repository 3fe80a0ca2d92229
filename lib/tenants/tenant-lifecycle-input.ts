import { z } from "zod";
import { tenantRef } from "@/lib/context/tenant-ref";
import { futureInstant, tenantQuota } from "./tenant-input";

/** A field left out stays as it is; null clears the expiry or the quota. */
export const updateTenantSettingsInput = z.object({
  tenant: tenantRef,
  deletionProtection: z.boolean({ error: "Deletion protection is on or off." }).optional(),
  expiresAt: futureInstant.nullish(),
  quota: tenantQuota,
});
export type UpdateTenantSettingsInput = z.infer<typeof updateTenantSettingsInput>;

export const requestTenantDeletionInput = z.object({
  tenant: tenantRef,
  confirmName: z.string({ error: "Type the tenant name to confirm." }).trim().max(64),
});
export type RequestTenantDeletionInput = z.infer<typeof requestTenantDeletionInput>;

export const retryTenantProvisioningInput = z.object({ tenant: tenantRef });
export type RetryTenantProvisioningInput = z.infer<typeof retryTenantProvisioningInput>;
