"use server";

import { defineAction } from "@/lib/actions/define-action";
import { registerInfrastructureInput } from "@/lib/infrastructure/infrastructure-input";
import { registerInfrastructure as register } from "@/lib/infrastructure/register-infrastructure";

export const registerInfrastructure = defineAction(
  "registerInfrastructure",
  registerInfrastructureInput,
  async (ctx, input) => {
    const { name } = await register(ctx, input);
    return { name };
  },
);
