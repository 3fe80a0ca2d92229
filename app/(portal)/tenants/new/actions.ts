"use server";

import { defineAction } from "@/lib/actions/define-action";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { createTenant as create } from "@/lib/tenants/create-tenant";
import { createTenantInput } from "@/lib/tenants/tenant-input";

export const createTenant = defineAction("createTenant", createTenantInput, async (ctx, input) => {
  const { name, operationId } = await create(ctx, input);
  await enqueueOperation(operationId);
  return { name };
});
