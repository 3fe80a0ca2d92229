"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  createServiceAccount as create,
  createServiceAccountInput,
} from "@/lib/service-accounts/create-service-account";
import { createServiceAccountToken as createToken } from "@/lib/service-accounts/create-service-account-token";
import { serviceAccountTokenInput } from "@/lib/tokens/token-input";

// Administrators make service accounts and their tokens; enabling, disabling and roles reuse the users' actions.
export const createServiceAccount = defineAction("createServiceAccount", createServiceAccountInput, (ctx, input) =>
  create(ctx, input),
);
export const createServiceAccountToken = defineAction(
  "createServiceAccountToken",
  serviceAccountTokenInput,
  (ctx, input) => createToken(ctx, input),
);
