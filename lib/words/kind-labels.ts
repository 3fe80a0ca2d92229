import type { ResourceKind } from "@/lib/cloud/contract";

const kindLabels: Record<ResourceKind, string> = {
  security_group: "Security group",
  security_group_rule: "Security group rule",
  iam_role: "IAM role",
  instance_profile: "Instance profile",
  kms_key: "KMS key",
  kms_alias: "KMS alias",
  key_pair: "Key pair",
  host: "Host",
  bucket: "Bucket",
  database: "Database",
  bucket_grant: "Bucket share",
  key_grant: "KMS grant",
  namespace: "Namespace",
  service_account: "Service account",
  role_binding: "Role binding",
  network_policy: "Network policy",
  resource_quota: "Resource quota",
  workload: "Service",
  load_balancer: "Load balancer",
};

/** A cloud kind as a person reads it: "IAM role", not "Iam Role". */
export const kindLabel = (kind: string): string =>
  kindLabels[kind as ResourceKind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/_/g, " ");
