import { DescribeSecurityGroupRulesCommand } from "@aws-sdk/client-ec2";
import { tenantTagKey, type ResourceRef } from "../contract";
import type { AwsContext } from "./clients";
import { databaseTagKey, toTagRecord } from "./tags";

/**
 * The tenant's tagged ingress rules in any group of the region, in this VPC or another (a share into
 * another VPC's group, a rule made in a peer VPC). A database's own rule goes with the database.
 */
export async function listTenantSecurityGroupRules({ clients }: AwsContext, tenant: string): Promise<ResourceRef[]> {
  const refs: ResourceRef[] = [];
  let NextToken: string | undefined;
  do {
    const page = await clients.ec2.send(
      new DescribeSecurityGroupRulesCommand({
        Filters: [{ Name: `tag:${tenantTagKey}`, Values: [tenant] }],
        NextToken,
      }),
    );
    for (const rule of page?.SecurityGroupRules ?? []) {
      const tags = toTagRecord(rule.Tags);
      if (!rule.SecurityGroupRuleId || rule.IsEgress || tags[tenantTagKey] !== tenant || tags[databaseTagKey]) continue;
      refs.push({
        kind: "security_group_rule",
        name: tags.Name ?? rule.SecurityGroupRuleId,
        id: rule.SecurityGroupRuleId,
        tenant,
        attributes: { groupId: rule.GroupId, ...(rule.SecurityGroupRuleArn ? { arn: rule.SecurityGroupRuleArn } : {}) },
        tags,
      });
    }
    NextToken = page?.NextToken || undefined;
  } while (NextToken);
  return refs;
}
