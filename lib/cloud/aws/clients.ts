import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { RDSClient } from "@aws-sdk/client-rds";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { S3Client } from "@aws-sdk/client-s3";
import { STSClient } from "@aws-sdk/client-sts";
import { PermanentCloudError, type ResourceSpec } from "../contract";

export interface AwsClients {
  ec2: EC2Client;
  iam: IAMClient;
  kms: KMSClient;
  sts: STSClient;
  tagging: ResourceGroupsTaggingAPIClient;
  s3: S3Client;
  cloudwatch: CloudWatchClient;
  logs: CloudWatchLogsClient;
  costExplorer: CostExplorerClient;
  rds: RDSClient;
}

/** What every per-kind function gets: the clients plus the infrastructure's place in AWS. */
export interface AwsContext {
  clients: AwsClients;
  region: string;
  vpcId: string;
}

/** Clients on the default credential chain (environment, shared config, SSO, instance role…). */
export function createAwsClients(region: string, given: Partial<AwsClients> = {}): AwsClients {
  return {
    ec2: given.ec2 ?? new EC2Client({ region }),
    iam: given.iam ?? new IAMClient({ region }),
    kms: given.kms ?? new KMSClient({ region }),
    sts: given.sts ?? new STSClient({ region }),
    tagging: given.tagging ?? new ResourceGroupsTaggingAPIClient({ region }),
    s3: given.s3 ?? new S3Client({ region }),
    cloudwatch: given.cloudwatch ?? new CloudWatchClient({ region }),
    logs: given.logs ?? new CloudWatchLogsClient({ region }),
    costExplorer: given.costExplorer ?? new CostExplorerClient({ region: costExplorerRegion(region) }),
    rds: given.rds ?? new RDSClient({ region }),
  };
}

/** Cost Explorer has one endpoint per partition, whatever region the infrastructure is in. */
function costExplorerRegion(region: string): string {
  return region.startsWith("cn-") ? "cn-northwest-1" : "us-east-1";
}

/** An empty tenant would turn a tag filter into a match on untagged or everyone's resources. */
export function requireTenantName(tenant: string): string {
  if (tenant.trim() === "") throw new PermanentCloudError("A tenant name is required to read its costs or alarms.");
  return tenant;
}

export function requireRef(spec: ResourceSpec, key: string): string {
  const value = spec.refs?.[key];
  if (!value) throw new PermanentCloudError(`A ${spec.kind} needs refs.${key} (${spec.name}).`);
  return value;
}

export function readStringAttribute(spec: ResourceSpec, key: string): string | undefined {
  const value = spec.attributes?.[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function readNumberAttribute(spec: ResourceSpec, key: string): number | undefined {
  const value = spec.attributes?.[key];
  if (typeof value === "number") return value;
  return typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)) ? Number(value) : undefined;
}
