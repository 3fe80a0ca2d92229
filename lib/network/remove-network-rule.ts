import { and, eq } from "drizzle-orm";
import { networkRules, tenants } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { recordAudit } from "@/lib/audit/record";
import type { CloudDriver } from "@/lib/cloud/contract";
import { NotFoundError } from "@/lib/errors";
import { removeCloudObjects } from "@/lib/provisioning/network-rule-objects";
import { withRetry, type RetryPolicy } from "@/lib/provisioning/retry";
import { tenantNetwork } from "./tenant-cloud";

type Options = { driver?: CloudDriver; retry?: RetryPolicy };

/** Revokes both cloud objects, then forgets the rule; the rule must belong to the tenant in the URL. */
export async function removeNetworkRule(
  ctx: Pick<ActionContext, "db" | "actor" | "ip">,
  input: { tenant: string; ruleId: string },
  options: Options = {},
) {
  const [found] = await ctx.db
    .select({ rule: networkRules, tenant: tenants })
    .from(networkRules)
    .innerJoin(tenants, eq(tenants.id, networkRules.tenantId))
    .where(and(eq(networkRules.id, input.ruleId), eq(tenants.name, input.tenant)));
  if (!found) throw new NotFoundError("That rule does not exist.");
  const { driver } = await tenantNetwork(ctx.db, found.tenant, options.driver);
  await removeCloudObjects(driver, found.rule, found.tenant.name, (call) => withRetry(call, options.retry));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(networkRules).where(eq(networkRules.id, found.rule.id));
    await recordAudit(tx, {
      actorId: ctx.actor.id,
      action: "network_rule.remove",
      tenantId: found.tenant.id,
      target: found.rule.cidr ?? found.rule.sourceTenantId,
      ip: ctx.ip,
    });
  });
}
