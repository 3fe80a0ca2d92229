import { eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { networkRules, tenants, type NetworkRule, type Tenant } from "@/db/schema";
import type { CloudDriver, ResourceKind, ResourceSpec } from "@/lib/cloud/contract";
import { withRetry, type RetryPolicy } from "./retry";

type Names = { tenant: string; namespace: string; groupId?: string; sourceTenant?: string; sourceGroupId?: string };

/** The two cloud objects one rule is: an ingress rule on the tenant's group and a NetworkPolicy in its namespace. */
export function cloudObjectsOf(rule: NetworkRule, names: Names): ResourceSpec[] {
  const short = rule.id.slice(0, 8);
  const traffic = {
    protocol: rule.protocol,
    fromPort: rule.fromPort ?? undefined,
    toPort: rule.toPort ?? rule.fromPort ?? undefined,
  };
  const source = names.sourceTenant ? { sourceTenant: names.sourceTenant } : { cidr: rule.cidr! };
  return [
    {
      kind: "security_group_rule",
      name: `enclave-${names.tenant}-rule-${short}`,
      tenant: names.tenant,
      idempotencyKey: `enclave-rule-${rule.id}`,
      attributes: { ...traffic, ...source },
      refs: { groupId: names.groupId ?? "", ...(names.sourceGroupId ? { sourceGroupId: names.sourceGroupId } : {}) },
    },
    {
      kind: "network_policy",
      name: `allow-${short}`,
      tenant: names.tenant,
      idempotencyKey: `enclave-rule-${rule.id}-policy`,
      attributes: { ...traffic, ...source },
      refs: { namespace: names.namespace },
    },
  ];
}

/** Removes what the rule made; the cloud answering "not found" counts as removed. */
export async function removeCloudObjects(
  driver: CloudDriver,
  rule: NetworkRule,
  tenant: string,
  retry: <T>(call: () => Promise<T>) => Promise<T>,
) {
  for (const ref of rule.cloudRefs) {
    await retry(() => driver.remove({ kind: ref.kind as ResourceKind, name: ref.name, id: ref.id, tenant }));
  }
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
