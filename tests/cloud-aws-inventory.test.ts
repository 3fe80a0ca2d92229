import { DescribeInstancesCommand } from "@aws-sdk/client-ec2";
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
