import { eq, inArray, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, infrastructures, logLines, metricPoints, tenants, users } from "@/db/schema";
import { removeTenantCosts } from "@/lib/billing/remove-costs";
import { chunk } from "./batch-sql";
import { scaleEmailPattern, scaleInfrastructureName } from "./scale-names";

/**
 * Removes what seedScaleData made under a prefix: telemetry, costs and the audit events naming its
 * tenants or accounts first (they have no foreign key, or one that would only be set to null),
 * then the tenants (their operations, grants, rules and alerts go with them), the users of the
 * prefix's email domain, and the infrastructure with its local-cloud resources.
 */
export async function removeScaleData(db: Db, prefix: string): Promise<void> {
  const [infrastructure] = await db
    .select({ id: infrastructures.id })
    .from(infrastructures)
    .where(eq(infrastructures.name, scaleInfrastructureName(prefix)));
  if (infrastructure) {
    const ids = (
      await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.infrastructureId, infrastructure.id))
    ).map((t) => t.id);
    for (const batch of chunk(ids, 500)) {
      for (const table of [logLines, metricPoints, auditEvents])
        await db.delete(table).where(inArray(table.tenantId, batch));
      await removeTenantCosts(db, batch);
    }
    await db.delete(tenants).where(eq(tenants.infrastructureId, infrastructure.id));
  }
  await db.delete(auditEvents).where(like(auditEvents.target, scaleEmailPattern(prefix)));
  await db.delete(users).where(like(users.email, scaleEmailPattern(prefix)));
  if (infrastructure) await db.delete(infrastructures).where(eq(infrastructures.id, infrastructure.id));
}
