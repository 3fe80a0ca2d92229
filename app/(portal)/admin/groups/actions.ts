"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createGroupMapping as create, createGroupMappingInput } from "@/lib/group-mappings/create-group-mapping";
import { deleteGroupMapping as remove, deleteGroupMappingInput } from "@/lib/group-mappings/delete-group-mapping";

export const createGroupMapping = defineAction("createGroupMapping", createGroupMappingInput, (ctx, input) =>
  create(ctx, input),
);
export const deleteGroupMapping = defineAction("deleteGroupMapping", deleteGroupMappingInput, (ctx, input) =>
  remove(ctx, input),
);
