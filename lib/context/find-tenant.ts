import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, tenants } from "@/db/schema";

/** The columns every page and service reads of a tenant, with the infrastructure it lives on. */
export const tenantSummary = {
  id: tenants.id,
  name: tenants.name,
  status: tenants.status,
  statusMessage: tenants.statusMessage,
  quota: tenants.quota,
  createdAt: tenants.createdAt,
  deletionProtection: tenants.deletionProtection,
  expiresAt: tenants.expiresAt,
  infrastructureId: tenants.infrastructureId,
  infrastructure: infrastructures.name,
  driver: infrastructures.driver,
  region: infrastructures.region,
};

/** The live tenant a request names, before anyone has checked who may see it. */
export async function findTenantByName(db: Db, name: string) {
  const [row] = await db
    .select(tenantSummary)
    .from(tenants)
    .innerJoin(infrastructures, eq(infrastructures.id, tenants.infrastructureId))
    .where(and(eq(tenants.name, name), ne(tenants.status, "deleted")))
    .limit(1);
  return row ?? null;
}

export type TenantSummary = NonNullable<Awaited<ReturnType<typeof findTenantByName>>>;
