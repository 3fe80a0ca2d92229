import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { operations, operationSteps } from "@/db/schema";
import type { ResourceRef } from "@/lib/cloud/contract";

/** A construct the tenant's provisioning made (its security group, its namespace…), from the step log. */
export async function findTenantConstruct(db: Db, tenantId: string, stepKey: string): Promise<ResourceRef | null> {
  const [row] = await db
    .select({ result: operationSteps.result })
    .from(operationSteps)
    .innerJoin(operations, eq(operations.id, operationSteps.operationId))
    .where(
      and(
        eq(operationSteps.tenantId, tenantId),
        eq(operationSteps.key, stepKey),
        eq(operationSteps.state, "succeeded"),
        eq(operations.kind, "provision"),
      ),
    )
    .orderBy(desc(operationSteps.finishedAt))
    .limit(1);
  return (row?.result as ResourceRef | undefined) ?? null;
}
