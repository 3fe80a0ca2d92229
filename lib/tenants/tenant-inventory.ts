import type { ResourceKind } from "@/lib/cloud/contract";
import type { InventoryResource } from "@/lib/inventory/inventory-queries";

export type TenantInventory = { kinds: { kind: ResourceKind; count: number; names: string[] }[] };

/** What the tenant's cloud holds under its tag, counted by kind. */
export function countInventoryByKind(resources: Pick<InventoryResource, "kind" | "name">[]): TenantInventory {
  const byKind = new Map<ResourceKind, string[]>();
  for (const r of resources) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.name]);
  const kinds = [...byKind]
    .map(([kind, names]) => ({ kind, count: names.length, names: names.sort() }))
    .sort((a, b) => a.kind.localeCompare(b.kind));
  return { kinds };
}
