import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenantSecrets } from "@/db/schema";

/** Whether provisioning stored the tenant's private key (read by its overview and by the engine). */
export async function tenantHasPem(db: Db, tenantId: string): Promise<boolean> {
  const rows = await db
    .select({ kind: tenantSecrets.kind })
    .from(tenantSecrets)
    .where(and(eq(tenantSecrets.tenantId, tenantId), eq(tenantSecrets.kind, "pem")))
    .limit(1);
  return rows.length > 0;
}
