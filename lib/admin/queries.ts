import { asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, tenants } from "@/db/schema";

export async function listInfrastructuresWithTenantCounts(db: Db) {
  return db
    .select({
      id: infrastructures.id,
      name: infrastructures.name,
      driver: infrastructures.driver,
      region: infrastructures.region,
      createdAt: infrastructures.createdAt,
      tenantCount: count(tenants.id),
    })
    .from(infrastructures)
    .leftJoin(tenants, eq(tenants.infrastructureId, infrastructures.id))
    .groupBy(infrastructures.id)
    .orderBy(asc(infrastructures.name));
}

