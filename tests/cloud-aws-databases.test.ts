import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
} from "@aws-sdk/client-ec2";
import { ListInstanceProfilesCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import {
  CreateDBInstanceCommand,
  CreateDBSubnetGroupCommand,
  DBInstanceNotFoundFault,
  DBSubnetGroupAlreadyExistsFault,
  DBSubnetGroupNotFoundFault,
  DeleteDBInstanceCommand,
  DeleteDBSubnetGroupCommand,
  DescribeDBInstancesCommand,
  DescribeDBSubnetGroupsCommand,
  InvalidDBInstanceStateFault,
  ListTagsForResourceCommand,
  type DBInstance,
} from "@aws-sdk/client-rds";
import { beforeEach, describe, expect, it } from "vitest";
import { ForeignResourceError, PermanentCloudError, type ResourceSpec } from "@/lib/cloud/contract";
import { acmeTags, awsError, createMockedAwsDriver, exceptionOptions, globexTags, vpcId } from "./helpers/aws-mocks";

let aws: ReturnType<typeof createMockedAwsDriver>;
beforeEach(() => {
  aws = createMockedAwsDriver();
});

const identifier = "enclave-acme-main";
const spec: ResourceSpec = {
  kind: "database",
  name: identifier,
  tenant: "acme",
  idempotencyKey: "acme:database:main",
  attributes: {
    engine: "postgres",
    engineVersion: "16.4",
    instanceClass: "db.t4g.micro",
    storageGiB: 20,
    multiAz: false,
    port: 5432,
    masterUsername: "enclave",
    masterPassword: "s3cret-Pa55word",
  },
  refs: { securityGroupId: "sg-tenant", kmsKeyId: "key-acme" },
};
const tags = (extra: Record<string, string> = {}) =>
  Object.entries({ "enclave:tenant": "acme", Name: identifier, ...extra }).map(([Key, Value]) => ({ Key, Value }));
const instance = (fields: Partial<DBInstance> = {}): DBInstance => ({
  DBInstanceIdentifier: identifier,
  DBInstanceStatus: "available",
  Engine: "postgres",
  EngineVersion: "16.4",
  DBInstanceClass: "db.t4g.micro",
  AllocatedStorage: 20,
  MultiAZ: false,
  MasterUsername: "enclave",
  Endpoint: { Address: `${identifier}.abc.eu-west-1.rds.amazonaws.com`, Port: 5432 },
  VpcSecurityGroups: [{ VpcSecurityGroupId: "sg-db", Status: "active" }],
  KmsKeyId: "arn:aws:kms:eu-west-1:1:key/key-acme",
  TagList: tags(),
  ...fields,
});
const withoutPassword = Object.fromEntries(
  Object.entries(spec.attributes!).filter(([key]) => key !== "masterPassword"),
);
const notFound = () => new DBInstanceNotFoundFault(exceptionOptions(`DBInstance ${identifier} not found.`));

function mockFreshCreate() {
  aws.rds.on(DescribeDBInstancesCommand).rejects(notFound());
  aws.ec2
    .on(DescribeSubnetsCommand)
    .resolvesOnce({ Subnets: [{ SubnetId: "subnet-a", AvailabilityZone: "eu-west-1a" }], NextToken: "more" })
    .resolvesOnce({ Subnets: [{ SubnetId: "subnet-b", AvailabilityZone: "eu-west-1b" }] });
  aws.rds.on(CreateDBSubnetGroupCommand).resolves({});
  aws.ec2.on(CreateSecurityGroupCommand).resolves({ GroupId: "sg-db" });
  aws.ec2.on(AuthorizeSecurityGroupIngressCommand).resolves({ Return: true });
  aws.rds
    .on(CreateDBInstanceCommand)
    .resolves({ DBInstance: instance({ DBInstanceStatus: "creating", Endpoint: undefined }) });
}

describe("aws driver: databases on RDS", () => {
  it("makes a subnet group from the VPC's subnets, a group admitting only the tenant's group, and an encrypted instance", async () => {
    mockFreshCreate();

    const ref = await aws.driver.ensure(spec);

    expect(aws.ec2.commandCalls(DescribeSubnetsCommand).map((call) => call.args[0].input)).toEqual([
      { Filters: [{ Name: "vpc-id", Values: [vpcId] }], NextToken: undefined },
      { Filters: [{ Name: "vpc-id", Values: [vpcId] }], NextToken: "more" },
    ]);
    expect(aws.rds.commandCalls(CreateDBSubnetGroupCommand)[0]?.args[0].input).toEqual({
      DBSubnetGroupName: identifier,
      DBSubnetGroupDescription: "Enclave database enclave-acme-main of tenant acme",
      SubnetIds: ["subnet-a", "subnet-b"],
      Tags: tags({ "enclave:database": identifier }),
    });
    expect(aws.ec2.commandCalls(CreateSecurityGroupCommand)[0]?.args[0].input).toEqual({
      GroupName: "enclave-acme-main-database",
      VpcId: vpcId,
      Description: "Enclave database enclave-acme-main of tenant acme",
      TagSpecifications: [{ ResourceType: "security-group", Tags: tags({ "enclave:database": identifier }) }],
    });
    expect(aws.ec2.commandCalls(AuthorizeSecurityGroupIngressCommand).map((call) => call.args[0].input)).toEqual([
      {
        GroupId: "sg-db",
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: 5432,
            ToPort: 5432,
            UserIdGroupPairs: [{ GroupId: "sg-tenant", Description: "Tenant acme" }],
          },
        ],
        TagSpecifications: [{ ResourceType: "security-group-rule", Tags: tags({ "enclave:database": identifier }) }],
      },
    ]);
    expect(aws.rds.commandCalls(CreateDBInstanceCommand)[0]?.args[0].input).toEqual({
      DBInstanceIdentifier: identifier,
      Engine: "postgres",
      EngineVersion: "16.4",
      DBInstanceClass: "db.t4g.micro",
      AllocatedStorage: 20,
      MultiAZ: false,
      Port: 5432,
      MasterUsername: "enclave",
      MasterUserPassword: "s3cret-Pa55word",
      DBSubnetGroupName: identifier,
      VpcSecurityGroupIds: ["sg-db"],
      PubliclyAccessible: false,
      StorageEncrypted: true,
      KmsKeyId: "key-acme",
      CopyTagsToSnapshot: true,
      Tags: tags(),
    });
    expect(ref).toMatchObject({
      kind: "database",
      id: identifier,
      status: "creating",
      attributes: {
        engine: "postgres",
        port: 5432,
        securityGroupId: "sg-db",
        kmsKeyId: expect.stringContaining("key-acme"),
      },
    });
    expect(ref.attributes).not.toHaveProperty("endpoint");
    expect(JSON.stringify(ref)).not.toContain("s3cret-Pa55word");
  });

  it("adopts an instance of the same tenant as it is now, endpoint included, and creates nothing", async () => {
    aws.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance()] });

    const ref = await aws.driver.ensure({ ...spec, attributes: withoutPassword });

    expect(ref).toMatchObject({
      id: identifier,
      status: "available",
      attributes: { endpoint: "enclave-acme-main.abc.eu-west-1.rds.amazonaws.com", securityGroupId: "sg-db" },
    });
    expect(aws.rds.commandCalls(DescribeDBInstancesCommand)[0]?.args[0].input).toEqual({
      DBInstanceIdentifier: identifier,
    });
    expect(aws.rds.commandCalls(CreateDBInstanceCommand)).toHaveLength(0);
    expect(aws.rds.commandCalls(CreateDBSubnetGroupCommand)).toHaveLength(0);
    expect(aws.ec2.commandCalls(CreateSecurityGroupCommand)).toHaveLength(0);
  });

  it.each([
    ["another tenant's", globexTags, /belongs to tenant globex/],
    ["an untagged", [], /belongs to no tenant/],
  ])("refuses %s instance with the same identifier and touches nothing", async (_, TagList, message) => {
    aws.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance({ TagList })] });

    const failure = aws.driver.ensure(spec);

    await expect(failure).rejects.toBeInstanceOf(ForeignResourceError);
    await expect(failure).rejects.toThrow(message);
    expect(aws.rds.commandCalls(CreateDBSubnetGroupCommand)).toHaveLength(0);
    expect(aws.rds.commandCalls(CreateDBInstanceCommand)).toHaveLength(0);
  });

  it("refuses another tenant's subnet group of that name before making a group or an instance", async () => {
    mockFreshCreate();
    aws.rds.on(CreateDBSubnetGroupCommand).rejects(new DBSubnetGroupAlreadyExistsFault(exceptionOptions("exists")));
    aws.rds
      .on(DescribeDBSubnetGroupsCommand)
      .resolves({ DBSubnetGroups: [{ DBSubnetGroupArn: "arn:aws:rds:eu-west-1:1:subgrp:enclave-acme-main" }] });
    aws.rds.on(ListTagsForResourceCommand).resolves({ TagList: globexTags });

    await expect(aws.driver.ensure(spec)).rejects.toBeInstanceOf(ForeignResourceError);
    expect(aws.rds.commandCalls(ListTagsForResourceCommand)[0]?.args[0].input).toEqual({
      ResourceName: "arn:aws:rds:eu-west-1:1:subgrp:enclave-acme-main",
    });
    expect(aws.ec2.commandCalls(CreateSecurityGroupCommand)).toHaveLength(0);
    expect(aws.rds.commandCalls(CreateDBInstanceCommand)).toHaveLength(0);
  });

  it("refuses another tenant's security group of the database's group name", async () => {
    mockFreshCreate();
    aws.ec2.on(CreateSecurityGroupCommand).rejects(awsError("InvalidGroup.Duplicate"));
    aws.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-x", Tags: globexTags }] });

    await expect(aws.driver.ensure(spec)).rejects.toThrow(/security group named enclave-acme-main-database/);
    expect(aws.ec2.commandCalls(AuthorizeSecurityGroupIngressCommand)).toHaveLength(0);
    expect(aws.rds.commandCalls(CreateDBInstanceCommand)).toHaveLength(0);
  });

  it("after a crash, adopts its own subnet group, group and rule, then creates the instance", async () => {
    mockFreshCreate();
    aws.rds.on(CreateDBSubnetGroupCommand).rejects(new DBSubnetGroupAlreadyExistsFault(exceptionOptions("exists")));
    aws.rds.on(DescribeDBSubnetGroupsCommand).resolves({ DBSubnetGroups: [{ DBSubnetGroupArn: "arn:subgrp" }] });
    aws.rds.on(ListTagsForResourceCommand).resolves({ TagList: acmeTags });
    aws.ec2.on(CreateSecurityGroupCommand).rejects(awsError("InvalidGroup.Duplicate"));
    aws.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-db2", Tags: acmeTags }] });
    aws.ec2.on(AuthorizeSecurityGroupIngressCommand).rejects(awsError("InvalidPermission.Duplicate"));

    await expect(aws.driver.ensure(spec)).resolves.toMatchObject({ id: identifier, status: "creating" });
    expect(aws.rds.commandCalls(CreateDBInstanceCommand)[0]?.args[0].input.VpcSecurityGroupIds).toEqual(["sg-db2"]);
  });

  it("refuses settings RDS would refuse, naming the setting, before any call", async () => {
    const bad = { ...spec, attributes: { ...spec.attributes, engine: "oracle" } };

    await expect(aws.driver.ensure(bad)).rejects.toBeInstanceOf(PermanentCloudError);
    await expect(aws.driver.ensure(bad)).rejects.toThrow(/engine/);
    await expect(
      aws.driver.ensure({ ...spec, attributes: { ...spec.attributes, masterPassword: "a/b@c" } }),
    ).rejects.toThrow(/masterPassword: 8 to 128/);
    await expect(aws.driver.ensure({ ...spec, refs: { securityGroupId: "sg-tenant" } })).rejects.toThrow(
      /refs\.kmsKeyId/,
    );
    expect(aws.rds.calls()).toHaveLength(0);
  });

  it("refuses to create an instance without a master password, before making anything", async () => {
    mockFreshCreate();

    await expect(aws.driver.ensure({ ...spec, attributes: withoutPassword })).rejects.toThrow(
      /needs attributes.masterPassword/,
    );
    expect(aws.rds.commandCalls(CreateDBSubnetGroupCommand)).toHaveLength(0);
    expect(aws.rds.commandCalls(CreateDBInstanceCommand)).toHaveLength(0);
  });

  it("refuses a VPC whose subnets are all in one availability zone", async () => {
    aws.rds.on(DescribeDBInstancesCommand).rejects(notFound());
    aws.ec2.on(DescribeSubnetsCommand).resolves({
      Subnets: [
        { SubnetId: "subnet-a", AvailabilityZone: "eu-west-1a" },
        { SubnetId: "subnet-a2", AvailabilityZone: "eu-west-1a" },
      ],
    });

    await expect(aws.driver.ensure(spec)).rejects.toThrow(/at least two availability zones/);
    expect(aws.rds.commandCalls(CreateDBSubnetGroupCommand)).toHaveLength(0);
  });
});

describe("aws driver: removing a database", () => {
  const ref = { kind: "database" as const, name: identifier, id: identifier, tenant: "acme" };

  it("deletes with a final snapshot named after it when asked, and answers that it waits for the deletion", async () => {
    aws.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance()] });
    aws.rds.on(DeleteDBInstanceCommand).resolves({});

    await expect(aws.driver.remove({ ...ref, attributes: { finalSnapshot: true } })).resolves.toEqual({
      waiting: "deleted",
    });

    const input = aws.rds.commandCalls(DeleteDBInstanceCommand)[0]?.args[0].input;
    expect(input).toEqual({
      DBInstanceIdentifier: identifier,
      FinalDBSnapshotIdentifier: expect.stringMatching(/^enclave-acme-main-final-\d{14}$/),
      DeleteAutomatedBackups: true,
    });
    expect(aws.rds.commandCalls(DeleteDBSubnetGroupCommand)).toHaveLength(0);
  });

  it("skips the final snapshot unless asked", async () => {
    aws.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance()] });
    aws.rds.on(DeleteDBInstanceCommand).resolves({});

    await expect(aws.driver.remove(ref)).resolves.toEqual({ waiting: "deleted" });

    expect(aws.rds.commandCalls(DeleteDBInstanceCommand)[0]?.args[0].input).toEqual({
      DBInstanceIdentifier: identifier,
      SkipFinalSnapshot: true,
      DeleteAutomatedBackups: true,
    });
  });

  it("only waits while RDS is already deleting it", async () => {
    aws.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance({ DBInstanceStatus: "deleting" })] });

    await expect(aws.driver.remove(ref)).resolves.toEqual({ waiting: "deleted" });
    expect(aws.rds.commandCalls(DeleteDBInstanceCommand)).toHaveLength(0);
  });

  it("waits, to try again, while RDS cannot delete it yet (still creating)", async () => {
    aws.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance({ DBInstanceStatus: "creating" })] });
    aws.rds.on(DeleteDBInstanceCommand).rejects(new InvalidDBInstanceStateFault(exceptionOptions("creating")));

    await expect(aws.driver.remove(ref)).resolves.toEqual({ waiting: "deleted" });
    expect(aws.rds.commandCalls(DeleteDBInstanceCommand)).toHaveLength(1);
  });

  it("refuses to delete another tenant's instance", async () => {
    aws.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance({ TagList: globexTags })] });

    await expect(aws.driver.remove(ref)).rejects.toBeInstanceOf(ForeignResourceError);
    expect(aws.rds.commandCalls(DeleteDBInstanceCommand)).toHaveLength(0);
  });

  it("once it is gone, deletes its subnet group and its security group, and is done", async () => {
    aws.rds.on(DescribeDBInstancesCommand).rejects(notFound());
    aws.rds.on(DescribeDBSubnetGroupsCommand).resolves({ DBSubnetGroups: [{ DBSubnetGroupArn: "arn:subgrp" }] });
    aws.rds.on(ListTagsForResourceCommand).resolves({ TagList: tags({ "enclave:database": identifier }) });
    aws.rds.on(DeleteDBSubnetGroupCommand).resolves({});
    aws.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-db" }] });
    aws.ec2.on(DeleteSecurityGroupCommand).resolves({});

    await expect(aws.driver.remove(ref)).resolves.toBeUndefined();

    expect(aws.rds.commandCalls(DeleteDBSubnetGroupCommand)[0]?.args[0].input).toEqual({
      DBSubnetGroupName: identifier,
    });
    expect(aws.ec2.commandCalls(DescribeSecurityGroupsCommand)[0]?.args[0].input).toEqual({
      Filters: [
        { Name: "tag:enclave:database", Values: [identifier] },
        { Name: "tag:enclave:tenant", Values: ["acme"] },
      ],
    });
    expect(aws.ec2.commandCalls(DeleteSecurityGroupCommand)[0]?.args[0].input).toEqual({ GroupId: "sg-db" });
  });

  it("counts a subnet group and security group already gone as removed, and leaves a foreign subnet group alone", async () => {
    aws.rds.on(DescribeDBInstancesCommand).rejects(notFound());
    aws.rds.on(DescribeDBSubnetGroupsCommand).rejects(new DBSubnetGroupNotFoundFault(exceptionOptions("gone")));
    aws.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-db" }] });
    aws.ec2.on(DeleteSecurityGroupCommand).rejects(awsError("InvalidGroup.NotFound"));

    await expect(aws.driver.remove(ref)).resolves.toBeUndefined();

    aws.rds.on(DescribeDBSubnetGroupsCommand).resolves({ DBSubnetGroups: [{ DBSubnetGroupArn: "arn:subgrp" }] });
    aws.rds.on(ListTagsForResourceCommand).resolves({ TagList: globexTags });
    await expect(aws.driver.remove(ref)).resolves.toBeUndefined();
    expect(aws.rds.commandCalls(DeleteDBSubnetGroupCommand)).toHaveLength(0);
  });

  it("reports a security group still held by the deleted instance's network interface as worth retrying", async () => {
    aws.rds.on(DescribeDBInstancesCommand).rejects(notFound());
    aws.rds.on(DescribeDBSubnetGroupsCommand).rejects(new DBSubnetGroupNotFoundFault(exceptionOptions("gone")));
    aws.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-db" }] });
    aws.ec2.on(DeleteSecurityGroupCommand).rejects(awsError("DependencyViolation"));

    await expect(aws.driver.remove(ref)).rejects.toMatchObject({ name: "TransientCloudError" });
  });
});

describe("aws driver: databases in the tenant's inventory", () => {
  beforeEach(() => {
    aws.iam.on(ListRolesCommand).resolves({ Roles: [] });
    aws.iam.on(ListInstanceProfilesCommand).resolves({ InstanceProfiles: [] });
    aws.ec2.on(DescribeSecurityGroupRulesCommand).resolves({ SecurityGroupRules: [] });
  });
  const dbPart = (arn: string, database: string) => ({
    ResourceARN: arn,
    Tags: tags({ "enclave:database": database }),
  });

  it("lists the tenant's instances from every page by their tags, and not their groups, which go with them", async () => {
    aws.tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: [
        { ResourceARN: "arn:aws:ec2:eu-west-1:1:security-group/sg-tenant", Tags: acmeTags },
        dbPart("arn:aws:ec2:eu-west-1:1:security-group/sg-db", identifier),
        dbPart("arn:aws:ec2:eu-west-1:1:security-group-rule/sgr-db", identifier),
        dbPart(`arn:aws:rds:eu-west-1:1:subgrp:${identifier}`, identifier),
        { ResourceARN: `arn:aws:rds:eu-west-1:1:db:${identifier}`, Tags: tags() },
      ],
    });
    aws.rds
      .on(DescribeDBInstancesCommand)
      .resolvesOnce({
        DBInstances: [instance({ DBInstanceIdentifier: "globex-db", TagList: globexTags })],
        Marker: "m2",
      })
      .resolvesOnce({
        DBInstances: [
          instance({ InstanceCreateTime: new Date("2026-11-29T10:00:00Z") }),
          instance({ DBInstanceIdentifier: "bare", TagList: undefined }),
        ],
      });

    const found = await aws.driver.listTenantResources("acme");

    expect(found.map((ref) => `${ref.kind} ${ref.id}`)).toEqual(["security_group sg-tenant", `database ${identifier}`]);
    expect(found[1]).toMatchObject({
      name: identifier,
      tenant: "acme",
      status: "available",
      createdAt: "2026-11-29T10:00:00.000Z",
      attributes: { endpoint: "enclave-acme-main.abc.eu-west-1.rds.amazonaws.com", port: 5432, storageGiB: 20 },
    });
    expect(aws.rds.commandCalls(DescribeDBInstancesCommand).map((call) => call.args[0].input)).toEqual([
      { Marker: undefined },
      { Marker: "m2" },
    ]);
  });

  it("lists a database whose instance is gone but whose groups are left as still deleting, so removing it cleans them", async () => {
    aws.tagging.on(GetResourcesCommand).resolves({
      ResourceTagMappingList: [dbPart(`arn:aws:rds:eu-west-1:1:subgrp:${identifier}`, identifier)],
    });
    aws.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });

    expect(await aws.driver.listTenantResources("acme")).toEqual([
      {
        kind: "database",
        name: identifier,
        id: identifier,
        tenant: "acme",
        status: "deleting",
        attributes: { leftover: true },
      },
    ]);
  });
});
