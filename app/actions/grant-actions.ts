"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  grantInput,
  grantTenantAccess as grant,
  revokeInput,
  revokeTenantAccess as revoke,
} from "@/lib/grants/grant-tenant-access";

// Admin actions used from the tenant's access page and from a user's detail page.
export const grantTenantAccess = defineAction("grantTenantAccess", grantInput, (ctx, input) => grant(ctx, input));
export const revokeTenantAccess = defineAction("revokeTenantAccess", revokeInput, (ctx, input) => revoke(ctx, input));
