import { and, asc, count, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { infrastructures, tenants } from "@/db/schema";

/** Every infrastructure with its driver settings and how many live (not deleted) tenants it holds, by name. */
export async function listInfrastructures(db: Db) {
  return db
    .select({
      id: infrastructures.id,
      name: infrastructures.name,
      driver: infrastructures.driver,
      region: infrastructures.region,
      config: infrastructures.config,
      createdAt: infrastructures.createdAt,
      tenantCount: count(tenants.id),
    })
    .from(infrastructures)
    .leftJoin(tenants, and(eq(tenants.infrastructureId, infrastructures.id), ne(tenants.status, "deleted")))
    .groupBy(infrastructures.id)
    .orderBy(asc(infrastructures.name));
}
