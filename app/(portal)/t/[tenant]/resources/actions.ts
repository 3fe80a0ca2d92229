"use server";

import { defineAction } from "@/lib/actions/define-action";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import { createResourceInput, deleteResourceInput } from "@/lib/resources/resource-input";
import { requestResourceCreation, requestResourceDeletion } from "@/lib/resources/request-resource-change";
import {
  revealDatabasePassword as reveal,
  revealDatabasePasswordInput,
} from "@/lib/resources/reveal-database-password";

export const createResource = defineAction("createResource", createResourceInput, async (ctx, input) => {
  const { operationId } = await requestResourceCreation(ctx, input);
  await enqueueOperation(operationId);
});

export const deleteResource = defineAction("deleteResource", deleteResourceInput, async (ctx, input) => {
  const { operationId } = await requestResourceDeletion(ctx, input);
  await enqueueOperation(operationId);
});

export const revealDatabasePassword = defineAction(
  "revealDatabasePassword",
  revealDatabasePasswordInput,
  (ctx, input) => reveal(ctx, input),
);
