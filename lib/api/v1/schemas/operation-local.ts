import { z } from "zod";
import { operationKind, runState } from "@/db/schema";
import type { OperationProgress } from "@/lib/provisioning/operations";

// Stands in for lib/api/v1/schemas/operation.ts (the tenants part of the API) until both are merged: same fields.
export const apiOperation = z
  .object({
    id: z.uuid(),
    tenant: z.string(),
    kind: z.enum(operationKind.enumValues),
    status: z.enum(runState.enumValues),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    steps: z.array(
      z.object({
        name: z.string(),
        status: z.enum(runState.enumValues),
        detail: z.string().nullable().meta({ description: "Why a step failed, or what a running one waits for." }),
      }),
    ),
  })
  .meta({
    id: "Operation",
    description: "Long work the engine runs step by step; poll it until its status is succeeded or failed.",
  });
export type ApiOperation = z.input<typeof apiOperation>;

export function toApiOperation(tenant: string, operation: OperationProgress): ApiOperation {
  return {
    id: operation.id,
    tenant,
    kind: operation.kind,
    status: operation.state,
    error: operation.error,
    createdAt: operation.createdAt,
    finishedAt: operation.finishedAt,
    steps: operation.steps.map((step) => ({
      name: step.key,
      status: step.state as ApiOperation["status"],
      detail: step.error ?? step.waiting,
    })),
  };
}
