import { z } from "zod";
import { findTenantByName } from "@/lib/context/find-tenant";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { getLatestOperation, getTenantOperation } from "@/lib/provisioning/operations";
import { requestTenantDeletion } from "@/lib/tenants/request-tenant-deletion";
import { updateTenantSettingsInput } from "@/lib/tenants/tenant-lifecycle-input";
import { updateTenantSettings } from "@/lib/tenants/update-tenant-settings";
import { defineApiRoute } from "../define-route";
import { apiOperation, toApiOperation } from "../schemas/operation";
import { apiTenant, toApiTenant } from "../schemas/tenant";

export const getTenant = defineApiRoute({
  operation: "GET /api/v1/tenants/[tenant]",
  tag: "Tenants",
  summary: "Get a tenant",
  response: apiTenant,
  async handle({ tenant }) {
    return toApiTenant(tenant);
  },
});

export const updateTenantRoute = defineApiRoute({
  operation: "PATCH /api/v1/tenants/[tenant]",
  tag: "Tenants",
  summary: "Change a tenant's settings",
  description:
    "Deletion protection, expiry and quota; a field left out stays as it is, null clears expiry or quota. " +
    "A new quota on a ready tenant reaches its namespace through an operation, answered beside the tenant.",
  body: updateTenantSettingsInput.omit({ tenant: true }).meta({ id: "TenantSettingsInput" }),
  response: z.object({ tenant: apiTenant, operation: apiOperation.nullable() }).meta({ id: "TenantSettingsChange" }),
  errors: [403, 409],
  async handle(ctx, { body }) {
    const { operationId } = await updateTenantSettings(ctx, { ...body, tenant: ctx.tenant.name });
    if (operationId) await enqueueOperation(operationId);
    const tenant = await findTenantByName(ctx.db, ctx.tenant.name);
    if (!tenant) throw new NotFoundError();
    const operation = operationId ? await getTenantOperation(ctx.db, tenant.id, operationId) : null;
    return { tenant: toApiTenant(tenant), operation: operation && toApiOperation(operation, tenant.name) };
  },
});

export const deleteTenantRoute = defineApiRoute({
  operation: "DELETE /api/v1/tenants/[tenant]",
  tag: "Tenants",
  summary: "Delete a tenant",
  description:
    "Terminates every resource of the tenant, then the tenant. Refused while deletion protection is on. " +
    "Asking again while it is being deleted answers the deletion under way. Once it has succeeded the " +
    "tenant is gone, and its operations with it: polling answers 404, which means done.",
  response: z.object({ operation: apiOperation }).meta({ id: "TenantDeletion" }),
  status: 202,
  errors: [403, 409],
  async handle(ctx) {
    const { tenant } = ctx;
    if (tenant.deletionProtection)
      throw new ConflictError(
        `Deletion protection is on for ${tenant.name}: PATCH /api/v1/tenants/${tenant.name} with ` +
          `{"deletionProtection": false} first.`,
      );
    const { operationId } = await requestTenantDeletion(ctx, { tenant: tenant.name, confirmName: tenant.name });
    if (operationId) await enqueueOperation(operationId);
    const operation = operationId
      ? await getTenantOperation(ctx.db, tenant.id, operationId)
      : await getLatestOperation(ctx.db, tenant.id);
    if (!operation) throw new NotFoundError(`No deletion of ${tenant.name} under way.`);
    return { operation: toApiOperation(operation, tenant.name) };
  },
});
