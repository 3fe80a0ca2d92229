import { and, eq, ne, sql } from "drizzle-orm";
import { preparedOnce } from "@/db/prepared";
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

const liveTenantNamed = preparedOnce((db) =>
  db
    .select(tenantSummary)
    .from(tenants)
    .innerJoin(infrastructures, eq(infrastructures.id, tenants.infrastructureId))
    .where(and(eq(tenants.name, sql.placeholder("name")), ne(tenants.status, "deleted")))
    .limit(1)
    .prepare("live_tenant_named"),
);

/** The live tenant a request names, before anyone has checked who may see it. */
export async function findTenantByName(db: Db, name: string) {
  const [row] = await liveTenantNamed(db).execute({ name });
  return row ?? null;
}

export type TenantSummary = NonNullable<Awaited<ReturnType<typeof findTenantByName>>>;
