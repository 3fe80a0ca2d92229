import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
} from "@aws-sdk/client-ec2";
import { TransientCloudError, type ResourceRef, type ResourceSpec } from "../contract";
import { readStringAttribute, type AwsContext } from "./clients";
import { hasErrorCode } from "./errors";
import { assertTenantOwns, buildTagSpecifications } from "./tags";

/** The tenant's group: everything in it reaches everything else in it, and nothing else gets in. */
export async function ensureSecurityGroup(context: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  const groupId = await createOrAdoptGroup(context, spec);
  if (spec.attributes?.allowFromSelf !== false) await authorizeSelfIngress(context, spec, groupId);
  return { kind: spec.kind, name: spec.name, id: groupId, tenant: spec.tenant, attributes: { vpcId: context.vpcId } };
}

async function createOrAdoptGroup(context: AwsContext, spec: ResourceSpec): Promise<string> {
  try {
    const created = await context.clients.ec2.send(
      new CreateSecurityGroupCommand({
        GroupName: spec.name,
        VpcId: context.vpcId,
        Description: readStringAttribute(spec, "description") ?? `Enclave tenant ${spec.tenant}`,
        TagSpecifications: buildTagSpecifications(spec, "security-group"),
      }),
    );
    if (!created.GroupId)
      throw new TransientCloudError(`AWS created security group ${spec.name} without returning its id.`);
    return created.GroupId;
  } catch (error) {
    if (!hasErrorCode(error, "InvalidGroup.Duplicate")) throw error;
    return adoptGroup(context, spec);
  }
}

async function adoptGroup({ clients, vpcId }: AwsContext, spec: ResourceSpec): Promise<string> {
  const found = await clients.ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: "group-name", Values: [spec.name] },
        { Name: "vpc-id", Values: [vpcId] },
      ],
    }),
  );
  const group = found.SecurityGroups?.[0];
  if (!group?.GroupId)
    throw new TransientCloudError(`Security group ${spec.name} is reported as existing but cannot be read yet.`);
  assertTenantOwns(spec, group.Tags);
  return group.GroupId;
}

async function authorizeSelfIngress({ clients }: AwsContext, spec: ResourceSpec, groupId: string): Promise<void> {
  try {
    await clients.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: [
          { IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: groupId, Description: "Members of the tenant" }] },
        ],
        TagSpecifications: buildTagSpecifications(spec, "security-group-rule"),
      }),
    );
  } catch (error) {
    if (!hasErrorCode(error, "InvalidPermission.Duplicate")) throw error;
  }
}

export async function removeSecurityGroup({ clients }: AwsContext, groupId: string): Promise<void> {
  await clients.ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
}
