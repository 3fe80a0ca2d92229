import type { ResourceKind, ResourceRef, ResourceSpec } from "@/lib/cloud/contract";

type PlanTenant = { name: string; quota: { cpu?: string; memory?: string; pods?: number } | null };
export type PlanStep = {
  key: string;
  kind: ResourceKind;
  deps: string[];
  /** The resource to ensure, given the results of the steps it depends on. */
  spec: (results: Record<string, ResourceRef>) => ResourceSpec;
};

// Every name derives from the tenant name alone, so a resumed or repeated run asks for the same thing.
function step(
  key: string,
  kind: ResourceKind,
  name: string,
  deps: string[] = [],
  extra: (r: Record<string, ResourceRef>) => Partial<ResourceSpec> = () => ({}),
): (t: PlanTenant) => PlanStep {
  return (t) => ({
    key,
    kind,
    deps,
    spec: (results) => ({
      kind,
      name: name.replace("{t}", t.name),
      tenant: t.name,
      idempotencyKey: `enclave-${t.name}-${key}`,
      ...extra(results),
    }),
  });
}

const steps = [
  step("security-group", "security_group", "enclave-{t}", [], () => ({ attributes: { allowFromSelf: true } })),
  step("iam-role", "iam_role", "enclave-{t}-workload"),
  step("instance-profile", "instance_profile", "enclave-{t}-workload", ["iam-role"], (r) => ({
    refs: { roleName: r["iam-role"]!.name },
  })),
  step("kms-key", "kms_key", "enclave-{t}"),
  step("kms-alias", "kms_alias", "alias/enclave-{t}", ["kms-key"], (r) => ({ refs: { keyId: r["kms-key"]!.id } })),
  step("key-pair", "key_pair", "enclave-{t}"),
  step("namespace", "namespace", "tenant-{t}"),
  step("sa-read", "service_account", "{t}-read", ["namespace"], (r) => ({
    refs: { namespace: r.namespace!.name },
    attributes: { access: "read" },
  })),
  step("sa-write", "service_account", "{t}-write", ["namespace"], (r) => ({
    refs: { namespace: r.namespace!.name },
    attributes: { access: "write" },
  })),
  step("rb-read", "role_binding", "{t}-read-view", ["sa-read"], (r) => ({
    refs: { namespace: r.namespace!.name, serviceAccount: r["sa-read"]!.name },
    attributes: { clusterRole: "view" },
  })),
  step("rb-write", "role_binding", "{t}-write-edit", ["sa-write"], (r) => ({
    refs: { namespace: r.namespace!.name, serviceAccount: r["sa-write"]!.name },
    attributes: { clusterRole: "edit" },
  })),
  step("network-policy", "network_policy", "default-deny-other-namespaces", ["namespace"], (r) => ({
    refs: { namespace: r.namespace!.name },
  })),
];
const quotaStep = (t: PlanTenant) =>
  step("quota", "resource_quota", "tenant-quota", ["namespace"], (r) => ({
    refs: { namespace: r.namespace!.name },
    attributes: { hard: t.quota ?? {} },
  }))(t);

/** What provisioning a tenant creates, as a graph: a step runs once the steps it names have succeeded. */
export function provisionPlan(tenant: PlanTenant): PlanStep[] {
  return [...steps.map((s) => s(tenant)), ...(tenant.quota ? [quotaStep(tenant)] : [])];
}

/** Teardown in the order dependencies demand; each phase removes every tagged resource of its kinds. */
export const teardownPhases: { key: string; kinds: ResourceKind[] }[] = [
  { key: "remove-workloads-and-hosts", kinds: ["load_balancer", "workload", "host", "bucket"] },
  // A database's own security group admits the tenant's: the database (and it) go before the groups.
  { key: "remove-databases", kinds: ["database"] },
  { key: "remove-security-group-rules", kinds: ["security_group_rule"] },
  { key: "remove-security-groups", kinds: ["security_group"] },
  { key: "remove-iam", kinds: ["instance_profile", "iam_role"] },
  { key: "remove-key-pair", kinds: ["key_pair"] },
  { key: "remove-kms", kinds: ["kms_alias", "kms_key"] },
  {
    key: "remove-namespace",
    kinds: ["resource_quota", "network_policy", "role_binding", "service_account", "namespace"],
  },
];

/** A ready tenant's quota taken away: the namespace's ResourceQuota goes. */
export const removeQuotaStep = "remove-quota";
export const interTenantRulesStep = "remove-inter-tenant-rules";
export const sweepStep = "sweep-tenant-tag";
/** Every step key in the order the engine runs it, for showing progress in that order. */
export const stepOrder = [
  ...provisionPlan({ name: "x", quota: {} }).map((s) => s.key),
  removeQuotaStep,
  interTenantRulesStep,
  ...teardownPhases.map((p) => p.key),
  sweepStep,
];

/** Longest chain of dependent steps: the least wall time a perfectly parallel run could take. */
export function criticalPathLength(plan: PlanStep[]): number {
  const depth = new Map<string, number>();
  const of = (key: string): number => {
    if (!depth.has(key)) depth.set(key, 1 + Math.max(0, ...plan.find((s) => s.key === key)!.deps.map(of)));
    return depth.get(key)!;
  };
  return Math.max(...plan.map((s) => of(s.key)));
}
