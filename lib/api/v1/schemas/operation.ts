import { z } from "zod";
import { operationKind, runState } from "@/db/schema";
import type { OperationProgress } from "@/lib/provisioning/operations";
import { instant } from "./time";

const status = z.enum(runState.enumValues);

export const apiOperation = z
  .object({
    id: z.uuid(),
    tenant: z.string(),
    kind: z.enum(operationKind.enumValues).meta({
      description: "provision (also a settings change that reaches the cloud), delete, resource or share.",
    }),
    status: status.meta({ description: "Poll until succeeded or failed." }),
    error: z.string().nullable().meta({ description: "Why it failed, when it did." }),
    createdAt: instant,
    finishedAt: instant.nullable(),
    steps: z.array(
      z.object({
        name: z.string().meta({ example: "security-group" }),
        status,
        detail: z
          .string()
          .nullable()
          .meta({ description: "A failed step's error, or what a running step waits for on the cloud." }),
      }),
    ),
  })
  .meta({ id: "Operation", description: "Long work on a tenant, run by the durable engine, with its steps." });
export type ApiOperation = z.input<typeof apiOperation>;

export function toApiOperation(progress: OperationProgress, tenant: string): ApiOperation {
  return {
    id: progress.id,
    tenant,
    kind: progress.kind,
    status: progress.state,
    error: progress.error,
    createdAt: progress.createdAt,
    finishedAt: progress.finishedAt,
    steps: progress.steps.map((step) => ({
      name: step.key,
      status: step.state,
      detail: step.error ?? step.waiting,
    })),
  };
}
