"use server";

import { defineAction } from "@/lib/actions/define-action";
import { recordTenantVisit as record, tenantVisitInput } from "@/lib/tenants/record-tenant-visit";
import { setTenantFavorite as setFavorite, tenantFavoriteInput } from "@/lib/tenants/set-tenant-favorite";

// The tenant picker's shortcuts, from every tenant page: anyone who may read a tenant may star it.
export const setTenantFavorite = defineAction("setTenantFavorite", tenantFavoriteInput, (ctx, input) =>
  setFavorite(ctx, input.favorite),
);
export const recordTenantVisit = defineAction("recordTenantVisit", tenantVisitInput, (ctx) =>
  record(ctx.db, ctx.actor.id, ctx.tenant.id),
);
