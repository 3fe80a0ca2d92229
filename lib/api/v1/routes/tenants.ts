import { z } from "zod";
import { findTenantByName } from "@/lib/context/find-tenant";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { getTenantOperation } from "@/lib/provisioning/operations";
import { createTenant } from "@/lib/tenants/create-tenant";
import { createTenantInput } from "@/lib/tenants/tenant-input";
import { defineApiRoute } from "../define-route";
import { decodeCursor, encodeCursor, pageOf, pageQuery } from "../schemas/page";
import { apiOperation, toApiOperation } from "../schemas/operation";
import { apiTenant, toApiTenant } from "../schemas/tenant";
import { visibleTenantsAfter } from "./tenants-page";

const tenantCursor = z.object({ name: z.string() });

export const listTenants = defineApiRoute({
  operation: "GET /api/v1/tenants",
  tag: "Tenants",
  summary: "List tenants",
  description:
    "The tenants this token may see, by name: every one for administrators and auditors, the granted ones for users.",
  query: pageQuery.extend({
    q: z
      .string()
      .trim()
      .max(64, "q is at most 64 characters.")
      .optional()
      .meta({ description: "Only tenants whose name contains this." }),
  }),
  response: pageOf(apiTenant),
  async handle({ db, actor }, { query }) {
    const after = decodeCursor(query.cursor, tenantCursor)?.name ?? null;
    const { rows, more } = await visibleTenantsAfter(db, actor, { after, q: query.q, limit: query.limit });
    const last = rows.at(-1);
    return { items: rows.map(toApiTenant), nextCursor: more && last ? encodeCursor({ name: last.name }) : null };
  },
});

export const createTenantRoute = defineApiRoute({
  operation: "POST /api/v1/tenants",
  tag: "Tenants",
  summary: "Create a tenant",
  description:
    "Records the tenant and starts provisioning it; answers at once with the operation to poll until it succeeds or fails.",
  body: createTenantInput,
  response: z.object({ tenant: apiTenant, operation: apiOperation }).meta({ id: "TenantWithOperation" }),
  status: 202,
  errors: [403, 409],
  async handle(ctx, { body }) {
    const created = await createTenant(ctx, body).catch((error: unknown) => {
      // The only thing createTenant cannot find is the infrastructure the body names.
      if (error instanceof NotFoundError) throw new InvalidInputError(error.message, "body.infrastructureId");
      throw error;
    });
    await enqueueOperation(created.operationId);
    const tenant = await findTenantByName(ctx.db, created.name);
    const operation = await getTenantOperation(ctx.db, created.tenantId, created.operationId);
    if (!tenant || !operation) throw new NotFoundError(`No tenant ${created.name}.`);
    return { tenant: toApiTenant(tenant), operation: toApiOperation(operation, tenant.name) };
  },
});
