const awsKindNames = [
  "security_group",
  "security_group_rule",
  "iam_role",
  "instance_profile",
  "kms_key",
  "kms_alias",
  "key_pair",
  "host",
  "bucket",
  "database",
  "bucket_grant",
  "key_grant",
] as const;
const kubernetesKindNames = [
  "namespace",
  "service_account",
  "role_binding",
  "network_policy",
  "resource_quota",
  "workload",
  "load_balancer",
] as const;
export type ResourceKind = (typeof awsKindNames)[number] | (typeof kubernetesKindNames)[number];

/** The kinds each side of an AWS infrastructure holds: the account's, and its cluster's. */
export const awsKinds: readonly ResourceKind[] = awsKindNames;
export const kubernetesKinds: readonly ResourceKind[] = kubernetesKindNames;
export const resourceKinds: readonly [ResourceKind, ...ResourceKind[]] = [...awsKindNames, ...kubernetesKindNames];

/** The tag (AWS) and label (Kubernetes) every resource of a tenant carries. */
export const tenantTagKey = "enclave:tenant";
export const tenantLabelKey = "enclave.io/tenant";

export interface ResourceSpec {
  kind: ResourceKind;
  /** Deterministic from the tenant name, so a retry or a resumed run names the same thing. */
  name: string;
  tenant: string;
  /** Client token or equivalent for APIs that take one; the name where the name is the key. */
  idempotencyKey: string;
  attributes?: Record<string, unknown>;
  /** Cloud ids of resources this one needs (for example the role an instance profile holds). */
  refs?: Record<string, string>;
}

export interface ResourceRef {
  kind: ResourceKind;
  name: string;
  /** The cloud's own id (sg-…, a key id, a namespace's uid…). */
  id: string;
  tenant: string | null;
  attributes: Record<string, unknown>;
  /** What the cloud says of it now (running, pending, 2/2 ready…), where it says anything. */
  status?: string;
  /** ISO time the cloud created it, where the cloud keeps one. */
  createdAt?: string;
  /** Its tags (AWS) or labels (Kubernetes). */
  tags?: Record<string, string>;
}
