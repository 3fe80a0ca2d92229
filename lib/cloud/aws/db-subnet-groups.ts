import { DescribeSubnetsCommand, type Subnet } from "@aws-sdk/client-ec2";
import {
  CreateDBSubnetGroupCommand,
  DeleteDBSubnetGroupCommand,
  DescribeDBSubnetGroupsCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-rds";
import { PermanentCloudError, TransientCloudError, tenantTagKey, type ResourceSpec } from "../contract";
import type { AwsContext } from "./clients";
import { hasErrorCode, ignoreErrorCodes } from "./errors";
import { assertTenantOwns, buildTenantTags, databaseTagKey, readTag } from "./tags";

/** A subnet group named after the database, over every subnet of the infrastructure's VPC. */
export async function ensureDbSubnetGroup(context: AwsContext, spec: ResourceSpec): Promise<string> {
  const subnets = await listVpcSubnets(context);
  if (new Set(subnets.map((subnet) => subnet.AvailabilityZone)).size < 2)
    throw new PermanentCloudError(
      `RDS needs subnets in at least two availability zones, and VPC ${context.vpcId} has subnets in fewer; add a subnet in another zone.`,
    );
  try {
    await context.clients.rds.send(
      new CreateDBSubnetGroupCommand({
        DBSubnetGroupName: spec.name,
        DBSubnetGroupDescription: `Enclave database ${spec.name} of tenant ${spec.tenant}`,
        SubnetIds: subnets.map((subnet) => subnet.SubnetId!),
        Tags: [...buildTenantTags(spec), { Key: databaseTagKey, Value: spec.name }],
      }),
    );
  } catch (error) {
    if (!hasErrorCode(error, "DBSubnetGroupAlreadyExists")) throw error;
    const tags = await readDbSubnetGroupTags(context, spec.name);
    if (!tags) throw new TransientCloudError(`DB subnet group ${spec.name} exists but cannot be read yet.`);
    assertTenantOwns({ ...spec, name: `${spec.name} (its DB subnet group)` }, tags);
  }
  return spec.name;
}

async function listVpcSubnets({ clients, vpcId }: AwsContext): Promise<Subnet[]> {
  const subnets: Subnet[] = [];
  let NextToken: string | undefined;
  do {
    const page = await clients.ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }], NextToken }),
    );
    subnets.push(...(page.Subnets ?? []).filter((subnet) => subnet.SubnetId));
    NextToken = page.NextToken || undefined;
  } while (NextToken);
  return subnets;
}

/** The group's tags, or undefined when there is no such group. */
async function readDbSubnetGroupTags({ clients }: AwsContext, name: string) {
  const found = await ignoreErrorCodes(
    clients.rds.send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: name })),
    "DBSubnetGroupNotFound",
  );
  const arn = found?.DBSubnetGroups?.[0]?.DBSubnetGroupArn;
  if (!arn) return undefined;
  return (await clients.rds.send(new ListTagsForResourceCommand({ ResourceName: arn }))).TagList ?? [];
}

/** Deletes the database's subnet group when it is the tenant's; already gone is fine. */
export async function removeDbSubnetGroup(context: AwsContext, name: string, tenant: string): Promise<void> {
  const tags = await readDbSubnetGroupTags(context, name);
  if (!tags || readTag(tags, tenantTagKey) !== tenant) return;
  try {
    await context.clients.rds.send(new DeleteDBSubnetGroupCommand({ DBSubnetGroupName: name }));
  } catch (error) {
    if (hasErrorCode(error, "DBSubnetGroupNotFound")) return;
    // RDS lets go of a deleted instance's subnet group a little after the instance is gone.
    if (hasErrorCode(error, "InvalidDBSubnetGroupState"))
      throw new TransientCloudError(`DB subnet group ${name} is still in use.`);
    throw error;
  }
}
