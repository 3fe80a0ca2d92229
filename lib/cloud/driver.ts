// One interface for every cloud an infrastructure can be: the embedded local cloud, AWS, Kubernetes.
// The provisioning engine only ever talks to this.

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

/** The kinds each side of an AWS infrastructure holds: the account's, and its cluster's. */
export const awsKinds: readonly ResourceKind[] = awsKindNames;
export const kubernetesKinds: readonly ResourceKind[] = kubernetesKindNames;

/** A search of one tenant's logs in a cloud's own log service; newest lines first. */
export type CloudLogQuery = {
  from: Date;
  to: Date;
  text?: string;
  level?: string;
  resource?: string;
  limit: number;
  cursor?: string;
};
export type CloudLogLine = { at: string; level: string; resource: string; message: string };
export type CloudMetricName = "cpu" | "memory" | "network_in" | "network_out" | "requests" | "errors";
/** One metric of a tenant (or one of its resources), one value per bucket from `from` on. */
export type CloudMetricQuery = {
  metric: CloudMetricName;
  resource?: string;
  from: Date;
  to: Date;
  bucketSeconds: number;
};

/** A cloud that keeps logs and metrics of its own (CloudWatch, the pods' logs); the local cloud's live in the portal's database. */
export interface TelemetryReader {
  readLogs?(tenant: string, query: CloudLogQuery): Promise<{ lines: CloudLogLine[]; nextCursor: string | null }>;
  readMetrics?(tenant: string, query: CloudMetricQuery): Promise<[string, number][]>;
}

/** One day's cost of one service for the tenant, in USD; `day` is YYYY-MM-DD (UTC). */
export type CloudCostDay = { day: string; service: string; amount: number };
/** An alarm the cloud itself raised for something of the tenant's. */
export type CloudAlarm = {
  /** Stable across reads (an alarm ARN, a fault's key): an alert is kept per id. */
  id: string;
  name: string;
  state: "alarm" | "ok" | "insufficient_data";
  severity: "info" | "warning" | "critical";
  resource: string | null;
  reason: string;
  /** ISO time its state last changed. */
  since: string;
};

/** A cloud that bills per tenant tag and raises alarms of its own. */
export interface CostAndAlarmReader {
  /** Daily cost by service for days in [from, to) (YYYY-MM-DD), only what carries the tenant's tag. */
  readDailyCosts?(tenant: string, from: string, to: string): Promise<CloudCostDay[]>;
  /** The tenant's alarms, in whatever state. */
  listAlarms?(tenant: string): Promise<CloudAlarm[]>;
}

export interface CloudDriver extends TelemetryReader, CostAndAlarmReader {
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
    super(
      `A ${kind.replace(/_/g, " ")} named ${name} already exists and belongs to ${owner ? `tenant ${owner}` : "no tenant"}; it was not adopted.`,
    );
  }
}
