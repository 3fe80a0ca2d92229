import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { neverRead, readTenantInventory } from "@/lib/inventory/inventory-queries";
import { requestInventoryRefresh } from "@/lib/inventory/request-inventory-refresh";

/**
 * The tenant's inventory as the workers last read it, once per request however many parts of the
 * page show it. A tenant never read gets its first read asked for here.
 */
export const loadInventory = cache(async (tenantId: string) => {
  const db = await getDb();
  const view = await readTenantInventory(db, tenantId);
  if (neverRead(view.freshness)) await requestInventoryRefresh(db, tenantId);
  return view;
});
