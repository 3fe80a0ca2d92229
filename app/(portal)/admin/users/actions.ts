"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createLocalUser as create, createLocalUserInput } from "@/lib/users/create-local-user";
import { resetUserPassword as resetPassword, resetUserPasswordInput } from "@/lib/users/reset-user-password";
import { setUserRole as setRole, setUserRoleInput } from "@/lib/users/set-user-role";
import { setUserStatus as setStatus, setUserStatusInput } from "@/lib/users/set-user-status";
import {
  signOutUserEverywhere as signOutEverywhere,
  signOutUserEverywhereInput,
} from "@/lib/users/sign-out-user-everywhere";

// Admin actions on users; each takes one plain object and answers an ActionResult.
export const createLocalUser = defineAction("createLocalUser", createLocalUserInput, (ctx, input) =>
  create(ctx, input),
);
export const setUserRole = defineAction("setUserRole", setUserRoleInput, (ctx, input) => setRole(ctx, input));
export const setUserStatus = defineAction("setUserStatus", setUserStatusInput, (ctx, input) => setStatus(ctx, input));
export const resetUserPassword = defineAction("resetUserPassword", resetUserPasswordInput, (ctx, input) =>
  resetPassword(ctx, input),
);
export const signOutUserEverywhere = defineAction("signOutUserEverywhere", signOutUserEverywhereInput, (ctx, input) =>
  signOutEverywhere(ctx, input),
);
