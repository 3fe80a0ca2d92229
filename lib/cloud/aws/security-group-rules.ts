import {
  AuthorizeSecurityGroupIngressCommand,
  DescribeSecurityGroupRulesCommand,
  RevokeSecurityGroupIngressCommand,
  type IpPermission,
  type SecurityGroupRule,
} from "@aws-sdk/client-ec2";
import { PermanentCloudError, TransientCloudError, type ResourceRef, type ResourceSpec } from "../contract";
import { readNumberAttribute, readStringAttribute, requireRef, type AwsContext } from "./clients";
import { hasErrorCode } from "./errors";
import { assertTenantOwns, buildTagSpecifications } from "./tags";

const protocolNames: Record<string, string> = { all: "-1", "-1": "-1", "6": "tcp", "17": "udp", "1": "icmp" };

/** One ingress rule into refs.groupId, from refs.sourceGroupId (another tenant's group) or attributes.cidr. */
export async function ensureSecurityGroupRule(context: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  const groupId = requireRef(spec, "groupId");
  const permission = buildPermission(spec);
  let ruleId: string | undefined;
  try {
    const created = await context.clients.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: groupId,
        IpPermissions: [permission],
        TagSpecifications: buildTagSpecifications(spec, "security-group-rule"),
      }),
    );
    ruleId = created.SecurityGroupRules?.[0]?.SecurityGroupRuleId;
  } catch (error) {
    if (!hasErrorCode(error, "InvalidPermission.Duplicate")) throw error;
    const existing = await findMatchingRule(context, groupId, permission);
    if (existing) assertTenantOwns(spec, existing.Tags);
    ruleId = existing?.SecurityGroupRuleId;
  }
  if (!ruleId) throw new TransientCloudError(`Security group rule ${spec.name} exists but cannot be read yet.`);
  return { kind: spec.kind, name: spec.name, id: ruleId, tenant: spec.tenant, attributes: { groupId } };
}

function buildPermission(spec: ResourceSpec): IpPermission {
  const requested = (readStringAttribute(spec, "protocol") ?? "tcp").toLowerCase();
  const protocol = protocolNames[requested] ?? requested;
  const fromPort = readNumberAttribute(spec, "fromPort") ?? readNumberAttribute(spec, "port");
  const toPort = readNumberAttribute(spec, "toPort") ?? fromPort;
  const sourceGroupId = spec.refs?.sourceGroupId;
  const cidr = readStringAttribute(spec, "cidr");
  const description = readStringAttribute(spec, "description") ?? `Enclave rule ${spec.name}`;
  if (!sourceGroupId && !cidr) throw new PermanentCloudError(`Rule ${spec.name} needs a source group or a CIDR.`);
  if (protocol !== "-1" && fromPort === undefined)
    throw new PermanentCloudError(`Rule ${spec.name} needs a port range.`);
  return {
    IpProtocol: protocol,
    ...(protocol === "-1" ? {} : { FromPort: fromPort, ToPort: toPort }),
    ...(sourceGroupId ? { UserIdGroupPairs: [{ GroupId: sourceGroupId, Description: description }] } : {}),
    ...(cidr && !cidr.includes(":") ? { IpRanges: [{ CidrIp: cidr, Description: description }] } : {}),
    ...(cidr?.includes(":") ? { Ipv6Ranges: [{ CidrIpv6: cidr, Description: description }] } : {}),
  };
}

async function findMatchingRule(
  context: AwsContext,
  groupId: string,
  permission: IpPermission,
): Promise<SecurityGroupRule | undefined> {
  const source = permission.UserIdGroupPairs?.[0]?.GroupId;
  const cidr = permission.IpRanges?.[0]?.CidrIp ?? permission.Ipv6Ranges?.[0]?.CidrIpv6;
  const matches = (rule: SecurityGroupRule) =>
    !rule.IsEgress &&
    rule.IpProtocol === permission.IpProtocol &&
    (permission.IpProtocol === "-1" || (rule.FromPort === permission.FromPort && rule.ToPort === permission.ToPort)) &&
    (source ? rule.ReferencedGroupInfo?.GroupId === source : (rule.CidrIpv4 ?? rule.CidrIpv6) === cidr);
  let NextToken: string | undefined;
  do {
    const page = await context.clients.ec2.send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [groupId] }], NextToken }),
    );
    const found = page.SecurityGroupRules?.find(matches);
    if (found) return found;
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

/** A rule id alone does not name its group, and revoking needs the group: look it up first. */
export async function removeSecurityGroupRule({ clients }: AwsContext, ruleId: string): Promise<void> {
  const found = await clients.ec2.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [ruleId] }));
  const groupId = found.SecurityGroupRules?.[0]?.GroupId;
  if (!groupId) return;
  await clients.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, SecurityGroupRuleIds: [ruleId] }));
}
