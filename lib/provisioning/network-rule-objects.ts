import { eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { networkRules, tenants, type NetworkRule, type Tenant } from "@/db/schema";
import type { CloudDriver, ResourceKind, ResourceSpec } from "@/lib/cloud/contract";
import { withRetry, type RetryPolicy } from "./retry";

type Names = { tenant: string; namespace: string; groupId?: string; sourceTenant?: string; sourceGroupId?: string };
type Traffic = { protocol: string; fromPort?: number; toPort?: number };
type Source = { sourceTenant: string } | { cidr: string };
type Ingress = { name: string; tenant: string; idempotencyKey: string; traffic: Traffic; source: Source };

/** An ingress rule on a security group (refs.groupId) from a source tenant's group or a CIDR. */
export const ingressRuleSpec = (i: Ingress, refs: { groupId: string; sourceGroupId?: string }): ResourceSpec => ({
  kind: "security_group_rule",
  name: i.name,
  tenant: i.tenant,
  idempotencyKey: i.idempotencyKey,
  attributes: { ...i.traffic, ...i.source },
  refs: { groupId: refs.groupId, ...(refs.sourceGroupId ? { sourceGroupId: refs.sourceGroupId } : {}) },
});

/** A NetworkPolicy in a namespace admitting a source tenant's namespaces (or a CIDR). */
export const ingressPolicySpec = (i: Ingress, namespace: string): ResourceSpec => ({
  kind: "network_policy",
  name: i.name,
  tenant: i.tenant,
  idempotencyKey: i.idempotencyKey,
  attributes: { ...i.traffic, ...i.source },
  refs: { namespace },
});

/** The two cloud objects one rule is: an ingress rule on the tenant's group and a NetworkPolicy in its namespace. */
export function cloudObjectsOf(rule: NetworkRule, names: Names): ResourceSpec[] {
  const short = rule.id.slice(0, 8);
  const traffic = {
    protocol: rule.protocol,
    fromPort: rule.fromPort ?? undefined,
    toPort: rule.toPort ?? rule.fromPort ?? undefined,
  };
  const source = names.sourceTenant ? { sourceTenant: names.sourceTenant } : { cidr: rule.cidr! };
  const base = { tenant: names.tenant, traffic, source };
  return [
    ingressRuleSpec(
      { ...base, name: `enclave-${names.tenant}-rule-${short}`, idempotencyKey: `enclave-rule-${rule.id}` },
      { groupId: names.groupId ?? "", sourceGroupId: names.sourceGroupId },
    ),
    ingressPolicySpec(
      { ...base, name: `allow-${short}`, idempotencyKey: `enclave-rule-${rule.id}-policy` },
      names.namespace,
    ),
  ];
}

/** Removes what the rule made; the cloud answering "not found" counts as removed. */
export async function removeCloudObjects(
  driver: CloudDriver,
  rule: Pick<NetworkRule, "cloudRefs">,
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
