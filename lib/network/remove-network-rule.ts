import { and, eq } from "drizzle-orm";
import { networkRules } from "@/db/schema";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import type { CloudDriver } from "@/lib/cloud/contract";
import { NotFoundError } from "@/lib/errors";
import { removeCloudObjects } from "@/lib/provisioning/network-rule-objects";
import { withRetry, type RetryPolicy } from "@/lib/provisioning/retry";
import { tenantNetwork } from "./tenant-cloud";

type Options = { driver?: CloudDriver; retry?: RetryPolicy };

/** Revokes both cloud objects, then forgets the rule; the rule must belong to the tenant in the URL. */
export async function removeNetworkRule(
  ctx: TenantServiceContext<"id" | "name" | "infrastructureId">,
  input: { ruleId: string },
  options: Options = {},
) {
  const { db, tenant } = ctx;
  const [rule] = await db
    .select()
    .from(networkRules)
    .where(and(eq(networkRules.id, input.ruleId), eq(networkRules.tenantId, tenant.id)));
  if (!rule) throw new NotFoundError("That rule does not exist.");
  const { driver } = await tenantNetwork(db, tenant, options.driver);
  await removeCloudObjects(driver, rule, tenant.name, (call) => withRetry(call, options.retry));
  await db.transaction(async (tx) => {
    await tx.delete(networkRules).where(eq(networkRules.id, rule.id));
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "network_rule.remove",
      tenantId: tenant.id,
      target: rule.cidr ?? rule.sourceTenantId,
      ip: ctx.ip,
    });
  });
}
