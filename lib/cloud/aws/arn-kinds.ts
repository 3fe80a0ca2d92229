import type { ResourceKind } from "../contract";

const kindsByResourceType: Record<string, ResourceKind> = {
  "ec2:security-group": "security_group",
  "ec2:security-group-rule": "security_group_rule",
  "ec2:instance": "host",
  "ec2:key-pair": "key_pair",
  "kms:key": "kms_key",
  "iam:role": "iam_role",
  "iam:instance-profile": "instance_profile",
};

/**
 * The driver's kind and id for an ARN, or null for what no step creates (volumes go with their
 * instance). IAM ids are names, the last segment after the path; buckets (`arn:aws:s3:::name`,
 * no slash) are their name; the others are the cloud id.
 */
export function parseResourceArn(arn: string): { kind: ResourceKind; id: string } | null {
  const [prefix, , service, , , ...rest] = arn.split(":");
  if (prefix !== "arn" || !service) return null;
  const resource = rest.join(":");
  const slash = resource.indexOf("/");
  if (service === "s3") return slash < 0 && resource ? { kind: "bucket", id: resource } : null;
  if (slash < 0) return null;
  const kind = kindsByResourceType[`${service}:${resource.slice(0, slash)}`];
  const id = resource.slice(resource.lastIndexOf("/") + 1);
  return kind && id ? { kind, id } : null;
}
