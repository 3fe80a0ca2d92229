"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createOwnToken as createToken } from "@/lib/tokens/create-own-token";
import { revokeOwnToken as revokeToken } from "@/lib/tokens/revoke-token";
import { revokeTokenInput, tokenInput } from "@/lib/tokens/token-input";
import { changeOwnPassword as changePassword, changeOwnPasswordInput } from "@/lib/users/change-own-password";
import { updateOwnProfile as updateProfile, updateOwnProfileInput } from "@/lib/users/update-own-profile";

// The signed-in user's own account; the actor is always the session's user, never an id from the input.
export const updateOwnProfile = defineAction("updateOwnProfile", updateOwnProfileInput, (ctx, input) =>
  updateProfile(ctx, input),
);
export const changeOwnPassword = defineAction("changeOwnPassword", changeOwnPasswordInput, (ctx, input) =>
  changePassword(ctx, input),
);
// The secret is in this answer and nowhere else: only its hash is kept.
export const createOwnToken = defineAction("createOwnToken", tokenInput, (ctx, input) => createToken(ctx, input));
export const revokeOwnToken = defineAction("revokeOwnToken", revokeTokenInput, (ctx, input) => revokeToken(ctx, input));
