"use server";

import { defineAction } from "@/lib/actions/define-action";
import { enqueueOperation } from "@/lib/jobs/enqueue";
import {
  createTenantFromTemplate as createFromTemplate,
  createTenantLike as createLike,
  saveTenantAsTemplate as saveTenant,
} from "@/lib/templates/create-from-template";
import { saveTemplateVersion } from "@/lib/templates/save-template";
import {
  createTenantFromTemplateInput,
  createTenantLikeInput,
  saveTemplateInput,
  saveTenantAsTemplateInput,
} from "@/lib/templates/template-input";

export const saveTemplate = defineAction("saveTemplate", saveTemplateInput, (ctx, input) =>
  saveTemplateVersion(ctx, input),
);

export const saveTenantAsTemplate = defineAction("saveTenantAsTemplate", saveTenantAsTemplateInput, (ctx, input) =>
  saveTenant(ctx, input),
);

export const createTenantFromTemplate = defineAction(
  "createTenantFromTemplate",
  createTenantFromTemplateInput,
  async (ctx, input) => {
    const { name, operationId } = await createFromTemplate(ctx, input);
    await enqueueOperation(operationId);
    return { name };
  },
);

export const createTenantLike = defineAction("createTenantLike", createTenantLikeInput, async (ctx, input) => {
  const { name, operationId } = await createLike(ctx, input);
  await enqueueOperation(operationId);
  return { name };
});
