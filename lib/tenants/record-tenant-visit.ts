import { sql } from "drizzle-orm";
import { z } from "zod";
import { tenantRef } from "@/lib/context/tenant-ref";
import type { Db } from "@/db/client";
import { tenantVisits } from "@/db/schema";

export const tenantVisitInput = z.object({ tenant: tenantRef });

/**
 * Remembers that the user opened the tenant, for the picker's recent list: one row per user and
 * tenant, its time moved forward at most every 10 s so that a burst of reloads writes once.
 * Not audited: it records a read, and the audit log is for changes.
 */
export async function recordTenantVisit(db: Db, userId: string, tenantId: string): Promise<void> {
  await db
    .insert(tenantVisits)
    .values({ userId, tenantId })
    .onConflictDoUpdate({
      target: [tenantVisits.userId, tenantVisits.tenantId],
      set: { visitedAt: sql`now()` },
      setWhere: sql`${tenantVisits.visitedAt} < now() - interval '10 seconds'`,
    });
}
