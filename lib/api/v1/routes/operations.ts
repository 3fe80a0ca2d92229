import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { getTenantOperation } from "@/lib/provisioning/operations";
import { defineApiRoute } from "../define-route";
import { apiOperation, toApiOperation } from "../schemas/operation";

export const getOperation = defineApiRoute({
  operation: "GET /api/v1/tenants/[tenant]/operations/[operation]",
  tag: "Operations",
  summary: "Get an operation with its steps",
  description:
    "How a pipeline waits for long work: poll until `status` is succeeded or failed (every few seconds is plenty).",
  params: z.object({ operation: z.uuid().meta({ description: "The operation's id, as a change answered it." }) }),
  response: apiOperation,
  async handle({ db, tenant }, { params }) {
    const operation = await getTenantOperation(db, tenant.id, params.operation);
    if (!operation) throw new NotFoundError(`No operation ${params.operation} in ${tenant.name}.`);
    return toApiOperation(operation, tenant.name);
  },
});
