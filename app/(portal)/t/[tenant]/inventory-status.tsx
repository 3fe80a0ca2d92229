import { freshnessSnapshot } from "@/lib/inventory/inventory-queries";
import { InventoryFreshness } from "./inventory-freshness-client";
import { loadInventory } from "./inventory-data";

/** When the inventory was read, with its Refresh button; remounted by each new read, so a finished wait starts over. */
export async function InventoryStatus({ tenant }: { tenant: { id: string; name: string } }) {
  const initial = freshnessSnapshot((await loadInventory(tenant.id)).freshness);
  const key = [initial?.refreshedAt, initial?.failedAt, initial?.requestedAt].join("|");
  return <InventoryFreshness key={key} tenant={tenant.name} initial={initial} now={new Date().toISOString()} />;
}
