import {
  DescribeInstancesCommand,
  DescribeSecurityGroupRulesCommand,
  RevokeSecurityGroupIngressCommand,
} from "@aws-sdk/client-ec2";
import { ListInstanceProfilesCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { DescribeKeyCommand, ListAliasesCommand } from "@aws-sdk/client-kms";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { createMockedAwsDriver } from "./helpers/aws-mocks";

let aws: ReturnType<typeof createMockedAwsDriver>;
beforeEach(() => {
  aws = createMockedAwsDriver();
  aws.iam.on(ListRolesCommand).resolves({ Roles: [] });
  aws.iam.on(ListInstanceProfilesCommand).resolves({ InstanceProfiles: [] });
});

const tenantTag = { Key: "enclave:tenant", Value: "acme" };
const instanceArn = (id: string) => `arn:aws:ec2:eu-west-1:123456789012:instance/${id}`;

describe("aws driver: inventory details", () => {
  it("gives hosts their state, launch time and Name tag from paged DescribeInstances, and leaves out terminated or forgotten ones", async () => {
    aws.tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: ["i-web", "i-new", "i-done", "i-forgotten"].map((id) => ({
        ResourceARN: instanceArn(id),
        Tags: [tenantTag],
      })),
    });
    aws.ec2
      .on(DescribeInstancesCommand)
      .resolvesOnce({
        NextToken: "page-2",
        Reservations: [
          {
            Instances: [
              {
                InstanceId: "i-web",
                State: { Name: "running" },
                LaunchTime: new Date("2026-11-01T08:00:00Z"),
                Tags: [tenantTag, { Key: "Name", Value: "acme-web-1" }],
              },
            ],
          },
        ],
      })
      .resolvesOnce({
        Reservations: [
          {
            Instances: [
              { InstanceId: "i-new", State: { Name: "pending" }, LaunchTime: new Date("2026-11-28T10:00:00Z") },
            ],
          },
          {
            Instances: [
              { InstanceId: "i-done", State: { Name: "terminated" }, LaunchTime: new Date("2026-10-01T00:00:00Z") },
            ],
          },
        ],
      });

    const hosts = await aws.driver.listTenantResources("acme");

    expect(hosts).toEqual([
      expect.objectContaining({
        kind: "host",
        id: "i-web",
        name: "acme-web-1",
        status: "running",
        createdAt: "2026-11-01T08:00:00.000Z",
      }),
      expect.objectContaining({
        kind: "host",
        id: "i-new",
        name: "i-new",
        status: "pending",
        createdAt: "2026-11-28T10:00:00.000Z",
      }),
    ]);
    const describeCalls = aws.ec2.commandCalls(DescribeInstancesCommand).map((call) => call.args[0].input);
    expect(describeCalls).toEqual([
      { Filters: [{ Name: "instance-id", Values: ["i-web", "i-new", "i-done", "i-forgotten"] }], NextToken: undefined },
      { Filters: [{ Name: "instance-id", Values: ["i-web", "i-new", "i-done", "i-forgotten"] }], NextToken: "page-2" },
    ]);
  });

  it("lists S3 buckets by their ARN as available buckets, and carries every ref's tags", async () => {
    const bucketTags = [tenantTag, { Key: "Name", Value: "acme-uploads-7f3a" }, { Key: "cost-center", Value: "42" }];
    aws.tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: [
        { ResourceARN: "arn:aws:s3:::acme-uploads-7f3a", Tags: bucketTags },
        { ResourceARN: "arn:aws:s3:::acme-uploads-7f3a/some/object.txt", Tags: [tenantTag] },
        { ResourceARN: "arn:aws:kms:eu-west-1:1:key/key-1", Tags: [tenantTag] },
      ],
    });
    aws.kms.on(DescribeKeyCommand).resolves({
      KeyMetadata: { KeyId: "key-1", KeyState: "Enabled", CreationDate: new Date("2026-11-02T00:00:00Z") },
    });
    aws.kms.on(ListAliasesCommand).resolves({ Aliases: [] });

    const found = await aws.driver.listTenantResources("acme");

    expect(found).toEqual([
      {
        kind: "bucket",
        id: "acme-uploads-7f3a",
        name: "acme-uploads-7f3a",
        tenant: "acme",
        status: "available",
        attributes: { arn: "arn:aws:s3:::acme-uploads-7f3a" },
        tags: { "enclave:tenant": "acme", Name: "acme-uploads-7f3a", "cost-center": "42" },
      },
      expect.objectContaining({
        kind: "kms_key",
        id: "key-1",
        status: "Enabled",
        createdAt: "2026-11-02T00:00:00.000Z",
        tags: { "enclave:tenant": "acme" },
      }),
    ]);
    expect(aws.ec2.commandCalls(DescribeInstancesCommand)).toHaveLength(0);
  });
});

describe("aws driver: the delete sweep finds security group rules in other VPCs", () => {
  const ruleTags = [tenantTag, { Key: "Name", Value: "share-db-globex" }];

  it("lists the tenant's tagged ingress rules in any group by DescribeSecurityGroupRules, once each, and revokes one there", async () => {
    aws.tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: [
        { ResourceARN: "arn:aws:ec2:eu-west-1:1:security-group-rule/sgr-home", Tags: [tenantTag] },
      ],
    });
    aws.ec2
      .on(DescribeSecurityGroupRulesCommand, { Filters: [{ Name: "tag:enclave:tenant", Values: ["acme"] }] })
      .resolvesOnce({
        SecurityGroupRules: [{ SecurityGroupRuleId: "sgr-home", GroupId: "sg-home", Tags: [tenantTag] }],
        NextToken: "rules-2",
      })
      .resolvesOnce({
        SecurityGroupRules: [
          { SecurityGroupRuleId: "sgr-peer", GroupId: "sg-in-peer-vpc", Tags: ruleTags },
          { SecurityGroupRuleId: "sgr-egress", GroupId: "sg-home", IsEgress: true, Tags: [tenantTag] },
        ],
      });

    const found = await aws.driver.listTenantResources("acme");

    expect(found).toEqual([
      expect.objectContaining({ kind: "security_group_rule", id: "sgr-home" }),
      {
        kind: "security_group_rule",
        name: "share-db-globex",
        id: "sgr-peer",
        tenant: "acme",
        attributes: { groupId: "sg-in-peer-vpc" },
        tags: { "enclave:tenant": "acme", Name: "share-db-globex" },
      },
    ]);
    expect(aws.ec2.commandCalls(DescribeSecurityGroupRulesCommand).map((call) => call.args[0].input)).toEqual([
      { Filters: [{ Name: "tag:enclave:tenant", Values: ["acme"] }], NextToken: undefined },
      { Filters: [{ Name: "tag:enclave:tenant", Values: ["acme"] }], NextToken: "rules-2" },
    ]);

    aws.ec2.on(DescribeSecurityGroupRulesCommand, { SecurityGroupRuleIds: ["sgr-peer"] }).resolves({
      SecurityGroupRules: [{ SecurityGroupRuleId: "sgr-peer", GroupId: "sg-in-peer-vpc" }],
    });
    aws.ec2.on(RevokeSecurityGroupIngressCommand).resolves({ Return: true });
    await aws.driver.remove({ ...found[1]!, tenant: "acme" });
    expect(aws.ec2.commandCalls(RevokeSecurityGroupIngressCommand)[0]?.args[0].input).toEqual({
      GroupId: "sg-in-peer-vpc",
      SecurityGroupRuleIds: ["sgr-peer"],
    });
  });
});
