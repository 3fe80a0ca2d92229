import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures } from "@/db/schema";
import { driverFor } from "@/lib/cloud";
import type { ResourceKind } from "@/lib/cloud/driver";

export type TenantInventory = { kinds: { kind: ResourceKind; count: number; names: string[] }[]; error: string | null };

const timeoutMs = 3_000;

/** What the tenant's cloud holds under its tag, counted by kind; a cloud that cannot be reached says so. */
export async function getTenantInventory(db: Db, tenant: { name: string; infrastructureId: string }): Promise<TenantInventory> {
  try {
    const [infrastructure] = await db.select().from(infrastructures).where(eq(infrastructures.id, tenant.infrastructureId));
    const driver = await driverFor(db, infrastructure!);
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs));
    const resources = await Promise.race([driver.listTenantResources(tenant.name), timeout]);
    const byKind = new Map<ResourceKind, string[]>();
    for (const r of resources) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.name]);
    const kinds = [...byKind].map(([kind, names]) => ({ kind, count: names.length, names: names.sort() })).sort((a, b) => a.kind.localeCompare(b.kind));
    return { kinds, error: null };
  } catch (error) {
    return { kinds: [], error: `The cloud could not be listed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
