import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  type ResourceType,
} from "@aws-sdk/client-ec2";
import { ForeignResourceError, TransientCloudError, tenantTagKey, type ResourceSpec } from "../contract";
import type { AwsContext } from "./clients";
import { hasErrorCode, ignoreErrorCodes } from "./errors";
import { buildTenantTags, databaseTagKey, readTag } from "./tags";

export const databaseGroupName = (identifier: string) => `${identifier}-database`;

function databaseTagSpecification(spec: ResourceSpec, ResourceType: ResourceType) {
  return { ResourceType, Tags: [...buildTenantTags(spec), { Key: databaseTagKey, Value: spec.name }] };
}

/** The database's own group: its only way in is the tenant's group, on the database port. */
export async function ensureDbSecurityGroup(
  context: AwsContext,
  spec: ResourceSpec,
  tenantGroupId: string,
  port: number,
): Promise<string> {
  const groupId = await createOrAdoptDbGroup(context, spec);
  try {
    await context.clients.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: port,
            ToPort: port,
            UserIdGroupPairs: [{ GroupId: tenantGroupId, Description: `Tenant ${spec.tenant}` }],
          },
        ],
        TagSpecifications: [databaseTagSpecification(spec, "security-group-rule")],
      }),
    );
  } catch (error) {
    if (!hasErrorCode(error, "InvalidPermission.Duplicate")) throw error;
  }
  return groupId;
}

async function createOrAdoptDbGroup({ clients, vpcId }: AwsContext, spec: ResourceSpec): Promise<string> {
  const GroupName = databaseGroupName(spec.name);
  try {
    const created = await clients.ec2.send(
      new CreateSecurityGroupCommand({
        GroupName,
        VpcId: vpcId,
        Description: `Enclave database ${spec.name} of tenant ${spec.tenant}`,
        TagSpecifications: [databaseTagSpecification(spec, "security-group")],
      }),
    );
    if (created.GroupId) return created.GroupId;
  } catch (error) {
    if (!hasErrorCode(error, "InvalidGroup.Duplicate")) throw error;
  }
  const found = await clients.ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: "group-name", Values: [GroupName] },
        { Name: "vpc-id", Values: [vpcId] },
      ],
    }),
  );
  const group = found.SecurityGroups?.[0];
  if (!group?.GroupId) throw new TransientCloudError(`Security group ${GroupName} exists but cannot be read yet.`);
  const owner = readTag(group.Tags, tenantTagKey);
  if (owner !== spec.tenant) throw new ForeignResourceError("security_group", GroupName, owner);
  return group.GroupId;
}

/** Deletes the groups the tenant's database left (found by tag, in whatever VPC); already gone is fine. */
export async function removeDbSecurityGroups({ clients }: AwsContext, identifier: string, tenant: string) {
  const found = await clients.ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: `tag:${databaseTagKey}`, Values: [identifier] },
        { Name: `tag:${tenantTagKey}`, Values: [tenant] },
      ],
    }),
  );
  for (const group of found.SecurityGroups ?? []) {
    if (!group.GroupId) continue;
    await ignoreErrorCodes(
      clients.ec2.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId })),
      "InvalidGroup.NotFound",
    );
  }
}
