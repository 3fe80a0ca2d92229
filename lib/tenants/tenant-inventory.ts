import type { Db } from "@/db/client";
import type { ResourceKind } from "@/lib/cloud/driver";
import { listTenantCloud } from "@/lib/cloud/list-with-timeout";

export type TenantInventory = { kinds: { kind: ResourceKind; count: number; names: string[] }[]; error: string | null };

/** What the tenant's cloud holds under its tag, counted by kind. */
export async function getTenantInventory(db: Db, tenant: { name: string; infrastructureId: string }): Promise<TenantInventory> {
  const { resources, error } = await listTenantCloud(db, tenant);
  const byKind = new Map<ResourceKind, string[]>();
  for (const r of resources) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.name]);
  const kinds = [...byKind].map(([kind, names]) => ({ kind, count: names.length, names: names.sort() })).sort((a, b) => a.kind.localeCompare(b.kind));
  return { kinds, error };
}
