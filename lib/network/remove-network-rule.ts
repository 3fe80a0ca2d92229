import { and, eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { networkRules, tenants, type Tenant } from "@/db/schema";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { recordAudit } from "@/lib/audit/record";
import type { CloudDriver } from "@/lib/cloud/driver";
import { NotFoundError } from "@/lib/errors";
import { withRetry, type RetryPolicy } from "@/lib/provisioning/retry";
import { removeCloudObjects } from "./cloud-rule";
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
      actorId: ctx.actor.id,
      action: "network_rule.remove",
      tenantId: tenant.id,
      target: rule.cidr ?? rule.sourceTenantId,
      ip: ctx.ip,
    });
  });
}

/** For a tenant being deleted: every rule into it, and every rule in another tenant that lets it in. */
export async function removeRulesTouching(
  db: Db,
  tenant: Pick<Tenant, "id">,
  driverOf: (t: Tenant) => Promise<CloudDriver>,
  retry?: RetryPolicy,
): Promise<number> {
  const rows = await db
    .select({ rule: networkRules, owner: tenants })
    .from(networkRules)
    .innerJoin(tenants, eq(tenants.id, networkRules.tenantId))
    .where(or(eq(networkRules.tenantId, tenant.id), eq(networkRules.sourceTenantId, tenant.id)));
  for (const { rule, owner } of rows) {
    await removeCloudObjects(await driverOf(owner), rule, owner.name, (call) => withRetry(call, retry));
    await db.delete(networkRules).where(eq(networkRules.id, rule.id));
  }
  return rows.length;
}
