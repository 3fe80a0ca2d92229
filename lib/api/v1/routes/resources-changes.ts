import type { TenantServiceContext } from "@/lib/context/service-context";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { getLatestOperation } from "@/lib/provisioning/operations";
import { requestResourceCreation, requestResourceDeletion } from "@/lib/resources/request-resource-change";
import { defineApiRoute } from "../define-route";
import { toApiOperation } from "../schemas/operation";
import { newResource, resourceChange, resourceDeletionQuery, resourcePath } from "../schemas/resources";

/**
 * The change the server action makes, answered with its operation. That is read before the engine
 * gets it: a tenant runs one unfinished operation at a time, so its latest is this one, pending.
 */
async function answerChange(ctx: TenantServiceContext, { operationId }: { operationId: string }) {
  const operation = await getLatestOperation(ctx.db, ctx.tenant.id, "resource");
  if (!operation?.request || operation.id !== operationId)
    throw new Error(`operation ${operationId} is not the tenant's latest resource operation`);
  await enqueueOperation(operationId);
  const { kind, name } = operation.request;
  return { resource: { kind, name }, operation: toApiOperation(operation, ctx.tenant.name) };
}

export const createResource = defineApiRoute({
  operation: "POST /api/v1/tenants/[tenant]/resources",
  tag: "Resources",
  summary: "Create a resource",
  description:
    "Answers at once with the operation that creates it; poll GET /api/v1/tenants/{tenant}/operations/{operation} until it ends. 409 while another operation runs on the tenant, or when the name is taken.",
  body: newResource,
  response: resourceChange,
  status: 202,
  errors: [403, 409, 422],
  async handle(ctx, { body }) {
    return answerChange(ctx, await requestResourceCreation(ctx, { ...body, tenant: ctx.tenant.name }));
  },
});

export const deleteResource = defineApiRoute({
  operation: "DELETE /api/v1/tenants/[tenant]/resources/[kind]/[name]",
  tag: "Resources",
  summary: "Delete a resource",
  description:
    "Answers at once with the operation that deletes it. The name is the cloud's, as the listing gives it; a load balancer goes with its service.",
  params: resourcePath,
  query: resourceDeletionQuery,
  response: resourceChange,
  status: 202,
  errors: [403, 409, 422],
  async handle(ctx, { params, query }) {
    const input = { tenant: ctx.tenant.name, ...params, finalSnapshot: query.finalSnapshot };
    return answerChange(ctx, await requestResourceDeletion(ctx, input));
  },
});
