"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { requestInventoryRefresh } from "@/lib/inventory/request-inventory-refresh";

const refreshInventoryInput = z.object({ tenant: z.string().max(64) });

/** requested is false when a refresh is already on its way or the inventory was read seconds ago. */
export const refreshInventory = defineAction("refreshInventory", refreshInventoryInput, async (ctx) => ({
  requested: await requestInventoryRefresh(ctx.db, ctx.tenant.id),
}));
