import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { EC2Client, EC2ServiceException } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { RDSClient } from "@aws-sdk/client-rds";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { createAwsDriver } from "@/lib/cloud/aws";
import type { ResourceKind, ResourceSpec } from "@/lib/cloud/contract";

export const region = "eu-west-1";
export const vpcId = "vpc-0abc";

/** A driver on real SDK clients whose `send` is replaced by aws-sdk-client-mock: no network, exact commands. */
export function createMockedAwsDriver(driverRegion = region) {
  const clients = {
    ec2: new EC2Client({ region }),
    iam: new IAMClient({ region }),
    kms: new KMSClient({ region }),
    sts: new STSClient({ region }),
    tagging: new ResourceGroupsTaggingAPIClient({ region }),
    s3: new S3Client({ region }),
    cloudwatch: new CloudWatchClient({ region }),
    logs: new CloudWatchLogsClient({ region }),
    costExplorer: new CostExplorerClient({ region: "us-east-1" }),
    rds: new RDSClient({ region }),
  };
  const mocks = {
    ec2: mockClient(clients.ec2),
    iam: mockClient(clients.iam),
    kms: mockClient(clients.kms),
    sts: mockClient(clients.sts),
    tagging: mockClient(clients.tagging),
    s3: mockClient(clients.s3),
    cloudwatch: mockClient(clients.cloudwatch),
    logs: mockClient(clients.logs),
    costExplorer: mockClient(clients.costExplorer),
    rds: mockClient(clients.rds),
  };
  return { driver: createAwsDriver({ region: driverRegion, vpcId, clients }), ...mocks };
}

/** An error shaped as the SDK throws it for an EC2-style code (name = code, HTTP status in $metadata). */
export function awsError(code: string, status = 400, message = `${code} (test)`): EC2ServiceException {
  return new EC2ServiceException({
    name: code,
    message,
    $fault: status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status },
  });
}

/** The metadata argument the SDK's modeled exception classes (IAM, KMS) take. */
export function exceptionOptions(message: string, status = 400) {
  return { message, $metadata: { httpStatusCode: status } };
}

export function buildSpec(kind: ResourceKind, overrides: Partial<ResourceSpec> = {}): ResourceSpec {
  return {
    kind,
    name: `enclave-acme-${kind.replace(/_/g, "-")}`,
    tenant: "acme",
    idempotencyKey: `acme:${kind}:1`,
    ...overrides,
  };
}

export const acmeTags = [
  { Key: "enclave:tenant", Value: "acme" },
  { Key: "Name", Value: "x" },
];
export const globexTags = [{ Key: "enclave:tenant", Value: "globex" }];
