// One interface for every cloud an infrastructure can be: the embedded local cloud, AWS, Kubernetes.
// The provisioning engine only ever talks to this.

export const resourceKinds = [
  // AWS side
  "security_group",
  "security_group_rule",
  "iam_role",
  "instance_profile",
  "kms_key",
  "kms_alias",
  "key_pair",
  "host",
  // Kubernetes side
  "namespace",
  "service_account",
  "role_binding",
  "network_policy",
  "resource_quota",
  "workload",
] as const;
export type ResourceKind = (typeof resourceKinds)[number];

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
}

export const awsKinds: readonly ResourceKind[] = ["security_group", "security_group_rule", "iam_role", "instance_profile", "kms_key", "kms_alias", "key_pair", "host"];
export const kubernetesKinds: readonly ResourceKind[] = ["namespace", "service_account", "role_binding", "network_policy", "resource_quota", "workload"];

export interface CloudDriver {
  /** Which kinds this cloud has; a plan skips the rest (a bare cluster has no IAM). All when absent. */
  supports?(kind: ResourceKind): boolean;
  /** Creates the resource, or adopts it when it already exists with this tenant's tag. */
  ensure(spec: ResourceSpec): Promise<ResourceRef & { secret?: string }>;
  /** Deletes it; a resource that is already gone counts as deleted. */
  remove(ref: Pick<ResourceRef, "kind" | "name" | "id"> & { tenant: string }): Promise<void>;
  /** Everything still carrying the tenant's tag or label (the final sweep of a delete). */
  listTenantResources(tenant: string): Promise<ResourceRef[]>;
  checkConnectivity(): Promise<{ ok: boolean; detail: string }>;
}

/** Throttling, 5xx, eventual consistency: worth retrying with backoff. */
export class TransientCloudError extends Error {
  name = "TransientCloudError";
}

/** Retrying will not help; the message is shown to the admin as it is. */
export class PermanentCloudError extends Error {
  name = "PermanentCloudError";
}

/** A resource with our deterministic name exists but belongs to another tenant (or none). */
export class ForeignResourceError extends PermanentCloudError {
  constructor(kind: ResourceKind, name: string, owner: string | null) {
    super(`A ${kind.replace(/_/g, " ")} named ${name} already exists and belongs to ${owner ? `tenant ${owner}` : "no tenant"}; it was not adopted.`);
  }
}
