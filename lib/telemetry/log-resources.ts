import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { telemetrySources } from "./sources";

/** The resource names a tenant's logs can be filtered by: what runs in it. */
export async function listLogResources(db: Db, tenantId: string): Promise<string[]> {
  const [tenant] = await db.select({ name: tenants.name, infrastructureId: tenants.infrastructureId }).from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) return [];
  return [...new Set((await telemetrySources(db, tenant)).map((s) => s.name))].sort();
}
