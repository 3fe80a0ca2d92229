"use server";

import { defineAction } from "@/lib/actions/define-action";
import { revokeAnyToken as revokeToken } from "@/lib/tokens/revoke-token";
import { revokeTokenInput } from "@/lib/tokens/token-input";

// Any user's token, from the list of every token or a service account's page.
export const revokeAnyToken = defineAction("revokeAnyToken", revokeTokenInput, (ctx, input) => revokeToken(ctx, input));
