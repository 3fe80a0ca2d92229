"use server";

import { defineAction } from "@/lib/actions/define-action";
import { changeOwnPassword as changePassword, changeOwnPasswordInput } from "@/lib/users/change-own-password";
import { updateOwnProfile as updateProfile, updateOwnProfileInput } from "@/lib/users/update-own-profile";

// The signed-in user's own account; the actor is always the session's user, never an id from the input.
export const updateOwnProfile = defineAction("updateOwnProfile", updateOwnProfileInput, (ctx, input) =>
  updateProfile(ctx, input),
);
export const changeOwnPassword = defineAction("changeOwnPassword", changeOwnPasswordInput, (ctx, input) =>
  changePassword(ctx, input),
);
