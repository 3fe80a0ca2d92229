"use server";

import { z } from "zod";
import { tenantRef } from "@/lib/context/tenant-ref";
import { defineAction } from "@/lib/actions/define-action";
import { requestInventoryRefresh } from "@/lib/inventory/request-inventory-refresh";

const refreshInventoryInput = z.object({ tenant: tenantRef });

/** requested is false when a refresh is already on its way or the inventory was read seconds ago. */
export const refreshInventory = defineAction("refreshInventory", refreshInventoryInput, async (ctx) => ({
  requested: await requestInventoryRefresh(ctx.db, ctx.tenant.id),
}));
