"use server";

import { defineAction } from "@/lib/actions/define-action";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { requestTenantDeletion } from "@/lib/tenants/request-tenant-deletion";
import { retryTenantProvisioning as retry } from "@/lib/tenants/retry-tenant-provisioning";
import {
  requestTenantDeletionInput,
  retryTenantProvisioningInput,
  updateTenantSettingsInput,
} from "@/lib/tenants/tenant-lifecycle-input";
import { updateTenantSettings as update } from "@/lib/tenants/update-tenant-settings";

export const updateTenantSettings = defineAction(
  "updateTenantSettings",
  updateTenantSettingsInput,
  async (ctx, input) => {
    const { changed, operationId } = await update(ctx, input);
    if (operationId) await enqueueOperation(operationId);
    return { changed };
  },
);

export const deleteTenant = defineAction("deleteTenant", requestTenantDeletionInput, async (ctx, input) => {
  const { name, operationId } = await requestTenantDeletion(ctx, input);
  if (operationId) await enqueueOperation(operationId);
  return { name };
});

export const retryTenantProvisioning = defineAction(
  "retryTenantProvisioning",
  retryTenantProvisioningInput,
  async (ctx, input) => {
    const { name, operationId } = await retry(ctx, input);
    await enqueueOperation(operationId);
    return { name };
  },
);
