import { tenantTagKey } from "../contract";

export const tenantAccessPolicyName = "enclave-tenant-access";

/** Roles and profiles live under a per-tenant path so the final sweep can list them by prefix. */
export function buildTenantPath(tenant: string): string {
  return `/enclave/${tenant}/`;
}

export function buildEc2TrustPolicy() {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
  };
}

const tagWritingActions = [
  "ec2:CreateTags",
  "ec2:DeleteTags",
  "tag:TagResources",
  "tag:UntagResources",
  "kms:TagResource",
  "kms:UntagResource",
  "s3:PutBucketTagging",
  "s3:DeleteBucketTagging",
];

/** Attribute-based access: the tenant's workloads act only on resources carrying the tenant's tag. */
export function buildTenantAccessPolicy(tenant: string) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ActOnTenantResources",
        Effect: "Allow",
        Action: "*",
        Resource: "*",
        Condition: { StringEquals: { [`aws:ResourceTag/${tenantTagKey}`]: tenant } },
      },
      {
        Sid: "CreateTenantTaggedResources",
        Effect: "Allow",
        Action: "*",
        Resource: "*",
        Condition: { StringEquals: { [`aws:RequestTag/${tenantTagKey}`]: tenant } },
      },
      // Without this the role could rewrite its own (tenant-tagged) policy and escape the tenant.
      {
        Sid: "NoIdentityAdministration",
        Effect: "Deny",
        Action: ["iam:*", "organizations:*", "account:*"],
        Resource: "*",
      },
      // The tenant tag is written only when EC2 creates a resource: never added, changed or removed
      // later, so a workload can neither claim another tenant's resource nor free one of its own.
      {
        Sid: "KeepTenantTags",
        Effect: "Deny",
        Action: tagWritingActions,
        Resource: "*",
        Condition: {
          "ForAnyValue:StringEquals": { "aws:TagKeys": [tenantTagKey] },
          Null: { "ec2:CreateAction": "true" },
        },
      },
    ],
  };
}
