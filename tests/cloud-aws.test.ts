import {
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from "@aws-sdk/client-ec2";
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteConflictException,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  EntityAlreadyExistsException,
  GetInstanceProfileCommand,
  GetRoleCommand,
  LimitExceededException,
  ListInstanceProfilesCommand,
  ListInstanceProfileTagsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
} from "@aws-sdk/client-iam";
import {
  AlreadyExistsException,
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  KMSInvalidStateException,
  ListAliasesCommand,
  ListResourceTagsCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
} from "@aws-sdk/client-kms";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { beforeEach, describe, expect, it } from "vitest";
import { ForeignResourceError, PermanentCloudError, TransientCloudError } from "@/lib/cloud/contract";
import {
  acmeTags,
  awsError,
  buildSpec,
  createMockedAwsDriver,
  exceptionOptions,
  globexTags,
  vpcId,
} from "./helpers/aws-mocks";

let aws: ReturnType<typeof createMockedAwsDriver>;
beforeEach(() => {
  aws = createMockedAwsDriver();
});

const tenantTagSpec = (ResourceType: string, name: string) => ({
  ResourceType,
  Tags: [
    { Key: "enclave:tenant", Value: "acme" },
    { Key: "Name", Value: name },
  ],
});

describe("aws driver: security groups", () => {
  const spec = buildSpec("security_group", { name: "enclave-acme" });

  it("creates the tenant group, tagged, with an all-traffic rule from itself", async () => {
    aws.ec2.on(CreateSecurityGroupCommand).resolves({ GroupId: "sg-1" });
    aws.ec2.on(AuthorizeSecurityGroupIngressCommand).resolves({ Return: true });

    const ref = await aws.driver.ensure(spec);

    expect(ref).toMatchObject({ kind: "security_group", id: "sg-1", name: "enclave-acme", tenant: "acme" });
    expect(aws.ec2.commandCalls(CreateSecurityGroupCommand)[0]?.args[0].input).toEqual({
      GroupName: "enclave-acme",
      VpcId: vpcId,
      Description: "Enclave tenant acme",
      TagSpecifications: [tenantTagSpec("security-group", "enclave-acme")],
    });
    expect(aws.ec2.commandCalls(AuthorizeSecurityGroupIngressCommand)[0]?.args[0].input).toEqual({
      GroupId: "sg-1",
      IpPermissions: [
        { IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: "sg-1", Description: "Members of the tenant" }] },
      ],
      TagSpecifications: [tenantTagSpec("security-group-rule", "enclave-acme")],
    });
  });

  it("adopts an existing group of the same tenant, and its existing self rule", async () => {
    aws.ec2.on(CreateSecurityGroupCommand).rejects(awsError("InvalidGroup.Duplicate"));
    aws.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-9", Tags: acmeTags }] });
    aws.ec2.on(AuthorizeSecurityGroupIngressCommand).rejects(awsError("InvalidPermission.Duplicate"));

    await expect(aws.driver.ensure(spec)).resolves.toMatchObject({ id: "sg-9", tenant: "acme" });
    expect(aws.ec2.commandCalls(DescribeSecurityGroupsCommand)[0]?.args[0].input).toEqual({
      Filters: [
        { Name: "group-name", Values: ["enclave-acme"] },
        { Name: "vpc-id", Values: [vpcId] },
      ],
    });
  });

  it("refuses a group of another tenant and touches nothing in it", async () => {
    aws.ec2.on(CreateSecurityGroupCommand).rejects(awsError("InvalidGroup.Duplicate"));
    aws.ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: "sg-9", Tags: globexTags }] });

    const failure = aws.driver.ensure(spec);
    await expect(failure).rejects.toBeInstanceOf(ForeignResourceError);
    await expect(failure).rejects.toThrow(/belongs to tenant globex/);
    expect(aws.ec2.commandCalls(AuthorizeSecurityGroupIngressCommand)).toHaveLength(0);
  });

  it("calls a group that vanished right after its creation transient (eventual consistency)", async () => {
    aws.ec2.on(CreateSecurityGroupCommand).resolves({ GroupId: "sg-1" });
    aws.ec2.on(AuthorizeSecurityGroupIngressCommand).rejects(awsError("InvalidGroup.NotFound"));
    await expect(aws.driver.ensure(spec)).rejects.toBeInstanceOf(TransientCloudError);
  });
});

describe("aws driver: security group rules", () => {
  it("authorizes ingress from another tenant's group on a port range, tagged", async () => {
    aws.ec2
      .on(AuthorizeSecurityGroupIngressCommand)
      .resolves({ SecurityGroupRules: [{ SecurityGroupRuleId: "sgr-1" }] });
    const spec = buildSpec("security_group_rule", {
      name: "acme-from-globex-https",
      refs: { groupId: "sg-acme", sourceGroupId: "sg-globex" },
      attributes: { protocol: "tcp", fromPort: 443, toPort: 8443 },
    });

    await expect(aws.driver.ensure(spec)).resolves.toMatchObject({ id: "sgr-1", attributes: { groupId: "sg-acme" } });
    expect(aws.ec2.commandCalls(AuthorizeSecurityGroupIngressCommand)[0]?.args[0].input).toEqual({
      GroupId: "sg-acme",
      IpPermissions: [
        {
          IpProtocol: "tcp",
          FromPort: 443,
          ToPort: 8443,
          UserIdGroupPairs: [{ GroupId: "sg-globex", Description: "Enclave rule acme-from-globex-https" }],
        },
      ],
      TagSpecifications: [tenantTagSpec("security-group-rule", "acme-from-globex-https")],
    });
  });

  it("adopts a duplicate CIDR rule of the tenant and refuses another tenant's", async () => {
    const spec = buildSpec("security_group_rule", {
      refs: { groupId: "sg-acme" },
      attributes: { cidr: "10.1.0.0/16", protocol: "udp", port: 53 },
    });
    const rule = {
      SecurityGroupRuleId: "sgr-7",
      IsEgress: false,
      IpProtocol: "udp",
      FromPort: 53,
      ToPort: 53,
      CidrIpv4: "10.1.0.0/16",
    };
    aws.ec2.on(AuthorizeSecurityGroupIngressCommand).rejects(awsError("InvalidPermission.Duplicate"));
    aws.ec2
      .on(DescribeSecurityGroupRulesCommand)
      .resolvesOnce({ SecurityGroupRules: [{ ...rule, Tags: acmeTags }] })
      .resolvesOnce({ SecurityGroupRules: [{ ...rule, Tags: globexTags }] });

    await expect(aws.driver.ensure(spec)).resolves.toMatchObject({ id: "sgr-7" });
    await expect(aws.driver.ensure(spec)).rejects.toBeInstanceOf(ForeignResourceError);
    expect(aws.ec2.commandCalls(DescribeSecurityGroupRulesCommand)[0]?.args[0].input).toMatchObject({
      Filters: [{ Name: "group-id", Values: ["sg-acme"] }],
    });
  });
});

describe("aws driver: IAM", () => {
  const role = buildSpec("iam_role", { name: "enclave-acme" });

  it("creates the role with an EC2 trust policy and an ABAC policy scoped to the tenant's tag", async () => {
    aws.iam
      .on(CreateRoleCommand)
      .resolves({ Role: { RoleName: "enclave-acme", Arn: "arn:aws:iam::1:role/enclave/acme/enclave-acme" } as never });
    aws.iam.on(PutRolePolicyCommand).resolves({});

    await expect(aws.driver.ensure(role)).resolves.toMatchObject({
      id: "enclave-acme",
      attributes: { arn: "arn:aws:iam::1:role/enclave/acme/enclave-acme" },
    });
    const created = aws.iam.commandCalls(CreateRoleCommand)[0]?.args[0].input;
    expect(created).toMatchObject({
      RoleName: "enclave-acme",
      Path: "/enclave/acme/",
      Tags: [
        { Key: "enclave:tenant", Value: "acme" },
        { Key: "Name", Value: "enclave-acme" },
      ],
    });
    expect(JSON.parse(created?.AssumeRolePolicyDocument ?? "")).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    const put = aws.iam.commandCalls(PutRolePolicyCommand)[0]?.args[0].input;
    expect(put).toMatchObject({ RoleName: "enclave-acme", PolicyName: "enclave-tenant-access" });
    const statements = JSON.parse(put?.PolicyDocument ?? "").Statement as {
      Sid: string;
      Effect: string;
      Condition?: unknown;
    }[];
    const bySid = Object.fromEntries(statements.map((statement) => [statement.Sid, statement]));
    expect(bySid.ActOnTenantResources).toMatchObject({
      Effect: "Allow",
      Condition: { StringEquals: { "aws:ResourceTag/enclave:tenant": "acme" } },
    });
    expect(bySid.CreateTenantTaggedResources).toMatchObject({
      Effect: "Allow",
      Condition: { StringEquals: { "aws:RequestTag/enclave:tenant": "acme" } },
    });
    expect(bySid.NoIdentityAdministration).toMatchObject({ Effect: "Deny", Action: expect.arrayContaining(["iam:*"]) });
    expect(
      statements
        .filter((statement) => statement.Effect === "Allow")
        .every((statement) => JSON.stringify(statement.Condition).includes('"acme"')),
    ).toBe(true);
  });

  it("adopts the tenant's existing role (checking its tags) and still puts the policy", async () => {
    aws.iam
      .on(CreateRoleCommand)
      .rejects(new EntityAlreadyExistsException(exceptionOptions("Role with name enclave-acme already exists.", 409)));
    aws.iam.on(GetRoleCommand).resolves({ Role: { RoleName: "enclave-acme", Arn: "arn:role" } as never });
    aws.iam.on(ListRoleTagsCommand).resolves({ Tags: acmeTags });

    await expect(aws.driver.ensure(role)).resolves.toMatchObject({
      id: "enclave-acme",
      attributes: { arn: "arn:role" },
    });
    expect(aws.iam.commandCalls(PutRolePolicyCommand)).toHaveLength(1);
  });

  it("refuses another tenant's role without changing its policy", async () => {
    aws.iam
      .on(CreateRoleCommand)
      .rejects(Object.assign(awsError("EntityAlreadyExistsException", 409), { Code: "EntityAlreadyExists" }));
    aws.iam.on(GetRoleCommand).resolves({ Role: { RoleName: "enclave-acme" } as never });
    aws.iam.on(ListRoleTagsCommand).resolves({ Tags: globexTags });

    await expect(aws.driver.ensure(role)).rejects.toBeInstanceOf(ForeignResourceError);
    expect(aws.iam.commandCalls(PutRolePolicyCommand)).toHaveLength(0);
  });

  const profile = buildSpec("instance_profile", { name: "enclave-acme", refs: { roleName: "enclave-acme" } });

  it("creates the instance profile, tagged, and puts the role in it", async () => {
    aws.iam
      .on(CreateInstanceProfileCommand)
      .resolves({ InstanceProfile: { InstanceProfileName: "enclave-acme", Roles: [] } as never });
    aws.iam.on(AddRoleToInstanceProfileCommand).resolves({});

    await expect(aws.driver.ensure(profile)).resolves.toMatchObject({
      id: "enclave-acme",
      attributes: { roleName: "enclave-acme" },
    });
    expect(aws.iam.commandCalls(CreateInstanceProfileCommand)[0]?.args[0].input).toMatchObject({
      Path: "/enclave/acme/",
      Tags: [
        { Key: "enclave:tenant", Value: "acme" },
        { Key: "Name", Value: "enclave-acme" },
      ],
    });
    expect(aws.iam.commandCalls(AddRoleToInstanceProfileCommand)[0]?.args[0].input).toEqual({
      InstanceProfileName: "enclave-acme",
      RoleName: "enclave-acme",
    });
  });

  it("treats both duplicates (profile exists, role already in it) as adoption", async () => {
    aws.iam.on(CreateInstanceProfileCommand).rejects(new EntityAlreadyExistsException(exceptionOptions("exists", 409)));
    aws.iam
      .on(GetInstanceProfileCommand)
      .resolves({ InstanceProfile: { InstanceProfileName: "enclave-acme", Roles: [] } as never });
    aws.iam.on(ListInstanceProfileTagsCommand).resolves({ Tags: acmeTags });
    const quota = "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1";
    aws.iam.on(AddRoleToInstanceProfileCommand).rejects(new LimitExceededException(exceptionOptions(quota, 409)));

    await expect(aws.driver.ensure(profile)).resolves.toMatchObject({ id: "enclave-acme" });
  });

  it("retries when the new role is not visible yet, and refuses a foreign profile", async () => {
    aws.iam.on(CreateInstanceProfileCommand).resolves({ InstanceProfile: { Roles: [] } as never });
    aws.iam
      .on(AddRoleToInstanceProfileCommand)
      .rejects(new NoSuchEntityException(exceptionOptions("The role with name enclave-acme cannot be found.", 404)));
    await expect(aws.driver.ensure(profile)).rejects.toBeInstanceOf(TransientCloudError);

    aws.iam.on(CreateInstanceProfileCommand).rejects(new EntityAlreadyExistsException(exceptionOptions("exists", 409)));
    aws.iam.on(GetInstanceProfileCommand).resolves({ InstanceProfile: { Roles: [] } as never });
    aws.iam.on(ListInstanceProfileTagsCommand).resolves({ Tags: [] });
    await expect(aws.driver.ensure(profile)).rejects.toThrow(/belongs to no tenant/);
  });
});

describe("aws driver: KMS", () => {
  const key = buildSpec("kms_key", { name: "enclave-acme", idempotencyKey: "run-42:kms_key" });
  const keyMetadata = { KeyId: "key-1", Arn: "arn:aws:kms:eu-west-1:1:key/key-1", KeyState: "Enabled" as const };

  it("looks for the alias first, then for an interrupted create, then creates a tagged key", async () => {
    aws.kms
      .on(DescribeKeyCommand)
      .rejects(new NotFoundException(exceptionOptions("Alias alias/enclave-acme is not found.")));
    aws.tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [] });
    aws.kms.on(CreateKeyCommand).resolves({ KeyMetadata: keyMetadata });

    await expect(aws.driver.ensure(key)).resolves.toMatchObject({
      id: "key-1",
      attributes: { alias: "alias/enclave-acme" },
    });
    const sent = aws.kms.calls().map((call) => call.args[0].constructor.name);
    expect(sent).toEqual(["DescribeKeyCommand", "CreateKeyCommand"]);
    expect(aws.kms.commandCalls(DescribeKeyCommand)[0]?.args[0].input).toEqual({ KeyId: "alias/enclave-acme" });
    expect(aws.tagging.commandCalls(GetResourcesCommand)[0]?.args[0].input).toEqual({
      ResourceTypeFilters: ["kms:key"],
      TagFilters: [
        { Key: "enclave:tenant", Values: ["acme"] },
        { Key: "enclave:idempotency-key", Values: ["run-42:kms_key"] },
      ],
    });
    const created = aws.kms.commandCalls(CreateKeyCommand)[0]?.args[0].input;
    expect(created?.Description).toContain("run-42:kms_key");
    expect(created?.Tags).toEqual([
      { TagKey: "enclave:tenant", TagValue: "acme" },
      { TagKey: "Name", TagValue: "enclave-acme" },
      { TagKey: "enclave:idempotency-key", TagValue: "run-42:kms_key" },
    ]);
  });

  it("adopts the key behind the tenant's alias, and refuses one of another tenant", async () => {
    aws.kms.on(DescribeKeyCommand, { KeyId: "alias/enclave-acme" }).resolves({ KeyMetadata: keyMetadata });
    aws.kms
      .on(ListResourceTagsCommand)
      .resolvesOnce({ Tags: [{ TagKey: "enclave:tenant", TagValue: "acme" }] })
      .resolvesOnce({ Tags: [{ TagKey: "enclave:tenant", TagValue: "globex" }] });

    await expect(aws.driver.ensure(key)).resolves.toMatchObject({ id: "key-1" });
    await expect(aws.driver.ensure(key)).rejects.toBeInstanceOf(ForeignResourceError);
    expect(aws.kms.commandCalls(CreateKeyCommand)).toHaveLength(0);
  });

  it("adopts a key an interrupted earlier try created (found by its idempotency tag)", async () => {
    aws.kms
      .on(DescribeKeyCommand, { KeyId: "alias/enclave-acme" })
      .rejects(new NotFoundException(exceptionOptions("not found")));
    aws.tagging.on(GetResourcesCommand).resolves({ ResourceTagMappingList: [{ ResourceARN: keyMetadata.Arn }] });
    aws.kms.on(DescribeKeyCommand, { KeyId: keyMetadata.Arn }).resolves({ KeyMetadata: keyMetadata });

    await expect(aws.driver.ensure(key)).resolves.toMatchObject({ id: "key-1" });
    expect(aws.kms.commandCalls(CreateKeyCommand)).toHaveLength(0);
  });

  it("creates the alias, adopts it when it already targets the key, refuses it otherwise", async () => {
    const alias = buildSpec("kms_alias", { name: "enclave-acme", refs: { keyId: "key-1" } });
    aws.kms
      .on(CreateAliasCommand)
      .resolvesOnce({})
      .rejects(new AlreadyExistsException(exceptionOptions("exists")));
    aws.kms
      .on(DescribeKeyCommand)
      .resolvesOnce({ KeyMetadata: keyMetadata })
      .resolves({ KeyMetadata: { ...keyMetadata, KeyId: "key-2" } });
    aws.kms.on(ListResourceTagsCommand).resolves({ Tags: [{ TagKey: "enclave:tenant", TagValue: "globex" }] });

    await expect(aws.driver.ensure(alias)).resolves.toMatchObject({ id: "alias/enclave-acme" });
    expect(aws.kms.commandCalls(CreateAliasCommand)[0]?.args[0].input).toEqual({
      AliasName: "alias/enclave-acme",
      TargetKeyId: "key-1",
    });
    await expect(aws.driver.ensure(alias)).resolves.toMatchObject({ id: "alias/enclave-acme" });
    await expect(aws.driver.ensure(alias)).rejects.toThrow(/belongs to tenant globex/);
  });
});

describe("aws driver: key pairs and hosts", () => {
  const keyPair = buildSpec("key_pair", { name: "enclave-acme" });

  it("returns the private key as the secret of a new key pair, tagged", async () => {
    aws.ec2
      .on(CreateKeyPairCommand)
      .resolves({ KeyPairId: "key-0a", KeyMaterial: "-----BEGIN OPENSSH PRIVATE KEY-----", KeyFingerprint: "fp" });

    const ref = await aws.driver.ensure(keyPair);
    expect(ref).toMatchObject({
      id: "key-0a",
      secret: "-----BEGIN OPENSSH PRIVATE KEY-----",
      attributes: { keyType: "ed25519" },
    });
    expect(aws.ec2.commandCalls(CreateKeyPairCommand)[0]?.args[0].input).toEqual({
      KeyName: "enclave-acme",
      KeyType: "ed25519",
      KeyFormat: "pem",
      TagSpecifications: [tenantTagSpec("key-pair", "enclave-acme")],
    });
  });

  it("adopts the tenant's existing key pair without a secret, and refuses another tenant's", async () => {
    aws.ec2.on(CreateKeyPairCommand).rejects(awsError("InvalidKeyPair.Duplicate"));
    aws.ec2
      .on(DescribeKeyPairsCommand)
      .resolvesOnce({ KeyPairs: [{ KeyPairId: "key-0a", Tags: acmeTags }] })
      .resolves({ KeyPairs: [{ KeyPairId: "key-0b", Tags: globexTags }] });

    const adopted = await aws.driver.ensure(keyPair);
    expect(adopted).toMatchObject({ id: "key-0a" });
    expect(adopted.secret).toBeUndefined();
    await expect(aws.driver.ensure(keyPair)).rejects.toBeInstanceOf(ForeignResourceError);
  });

  it("launches a host with EC2's client token, the tenant's profile, groups and tags", async () => {
    aws.ec2.on(RunInstancesCommand).resolves({ Instances: [{ InstanceId: "i-1", State: { Name: "pending" } }] });
    const host = buildSpec("host", {
      name: "acme-node-1",
      idempotencyKey: "run-42:host:acme-node-1",
      attributes: { imageId: "ami-1", instanceType: "t3.large", subnetId: "subnet-1" },
      refs: { securityGroupId: "sg-1", instanceProfileName: "enclave-acme", keyName: "enclave-acme" },
    });

    await expect(aws.driver.ensure(host)).resolves.toMatchObject({ id: "i-1", attributes: { state: "pending" } });
    const tags = [
      { Key: "enclave:tenant", Value: "acme" },
      { Key: "Name", Value: "acme-node-1" },
      { Key: "k8s.io/cluster-autoscaler/node-template/label/enclave.io/tenant", Value: "acme" },
    ];
    expect(aws.ec2.commandCalls(RunInstancesCommand)[0]?.args[0].input).toMatchObject({
      ClientToken: "run-42:host:acme-node-1",
      MinCount: 1,
      MaxCount: 1,
      ImageId: "ami-1",
      InstanceType: "t3.large",
      SubnetId: "subnet-1",
      SecurityGroupIds: ["sg-1"],
      IamInstanceProfile: { Name: "enclave-acme" },
      KeyName: "enclave-acme",
      TagSpecifications: [
        { ResourceType: "instance", Tags: tags },
        { ResourceType: "volume", Tags: tags },
      ],
    });
  });

  it("retries a launch while EC2 does not see a new instance profile yet; refuses kinds it does not manage", async () => {
    aws.ec2
      .on(RunInstancesCommand)
      .rejects(
        awsError(
          "InvalidParameterValue",
          400,
          "Value (enclave-acme) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name",
        ),
      );
    const host = buildSpec("host", {
      attributes: { imageId: "ami-1" },
      refs: { securityGroupId: "sg-1", instanceProfileName: "enclave-acme" },
    });
    await expect(aws.driver.ensure(host)).rejects.toBeInstanceOf(TransientCloudError);
    await expect(aws.driver.ensure(buildSpec("namespace"))).rejects.toBeInstanceOf(PermanentCloudError);
  });
});

describe("aws driver: teardown", () => {
  const tenant = "acme";

  it("makes the matching delete call for every kind", async () => {
    aws.ec2
      .on(DescribeSecurityGroupRulesCommand)
      .resolves({ SecurityGroupRules: [{ SecurityGroupRuleId: "sgr-1", GroupId: "sg-1" }] });
    aws.iam
      .on(GetInstanceProfileCommand)
      .resolves({ InstanceProfile: { Roles: [{ RoleName: "enclave-acme" }] } as never });
    aws.iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: ["enclave-tenant-access"] });

    await aws.driver.remove({ kind: "host", name: "acme-node-1", id: "i-1", tenant });
    await aws.driver.remove({ kind: "security_group_rule", name: "r", id: "sgr-1", tenant });
    await aws.driver.remove({ kind: "security_group", name: "enclave-acme", id: "sg-1", tenant });
    await aws.driver.remove({ kind: "instance_profile", name: "enclave-acme", id: "enclave-acme", tenant });
    await aws.driver.remove({ kind: "iam_role", name: "enclave-acme", id: "enclave-acme", tenant });
    await aws.driver.remove({ kind: "key_pair", name: "enclave-acme", id: "key-0a", tenant });
    await aws.driver.remove({ kind: "kms_alias", name: "enclave-acme", id: "alias/enclave-acme", tenant });
    await aws.driver.remove({ kind: "kms_key", name: "enclave-acme", id: "key-1", tenant });

    const input = <T extends object>(calls: { args: [{ input: T }] }[]) => calls.map((call) => call.args[0].input);
    expect(input(aws.ec2.commandCalls(TerminateInstancesCommand))).toEqual([{ InstanceIds: ["i-1"] }]);
    expect(input(aws.ec2.commandCalls(RevokeSecurityGroupIngressCommand))).toEqual([
      { GroupId: "sg-1", SecurityGroupRuleIds: ["sgr-1"] },
    ]);
    expect(input(aws.ec2.commandCalls(DeleteSecurityGroupCommand))).toEqual([{ GroupId: "sg-1" }]);
    expect(input(aws.iam.commandCalls(RemoveRoleFromInstanceProfileCommand))).toEqual([
      { InstanceProfileName: "enclave-acme", RoleName: "enclave-acme" },
    ]);
    expect(input(aws.iam.commandCalls(DeleteInstanceProfileCommand))).toEqual([
      { InstanceProfileName: "enclave-acme" },
    ]);
    expect(input(aws.iam.commandCalls(DeleteRolePolicyCommand))).toEqual([
      { RoleName: "enclave-acme", PolicyName: "enclave-tenant-access" },
    ]);
    expect(input(aws.iam.commandCalls(DeleteRoleCommand))).toEqual([{ RoleName: "enclave-acme" }]);
    expect(input(aws.ec2.commandCalls(DeleteKeyPairCommand))).toEqual([{ KeyPairId: "key-0a" }]);
    expect(input(aws.kms.commandCalls(DeleteAliasCommand))).toEqual([{ AliasName: "alias/enclave-acme" }]);
    expect(input(aws.kms.commandCalls(ScheduleKeyDeletionCommand))).toEqual([
      { KeyId: "key-1", PendingWindowInDays: 7 },
    ]);
  });

  it("surfaces DependencyViolation and DeleteConflict as transient, so the engine retries", async () => {
    aws.ec2
      .on(DeleteSecurityGroupCommand)
      .rejects(awsError("DependencyViolation", 400, "resource sg-1 has a dependent object"));
    aws.iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: [] });
    aws.iam
      .on(DeleteRoleCommand)
      .rejects(
        new DeleteConflictException(
          exceptionOptions("Cannot delete entity, must remove roles from instance profile first.", 409),
        ),
      );

    await expect(aws.driver.remove({ kind: "security_group", name: "g", id: "sg-1", tenant })).rejects.toBeInstanceOf(
      TransientCloudError,
    );
    await expect(aws.driver.remove({ kind: "iam_role", name: "r", id: "r", tenant })).rejects.toThrow(
      /must remove roles/,
    );
    await expect(aws.driver.remove({ kind: "iam_role", name: "r", id: "r", tenant })).rejects.toBeInstanceOf(
      TransientCloudError,
    );
  });

  it("counts a resource that is already gone as deleted", async () => {
    aws.ec2.on(TerminateInstancesCommand).rejects(awsError("InvalidInstanceID.NotFound"));
    aws.ec2.on(DeleteSecurityGroupCommand).rejects(awsError("InvalidGroup.NotFound"));
    aws.ec2.on(DeleteKeyPairCommand).rejects(awsError("InvalidKeyPair.NotFound"));
    aws.iam.on(GetInstanceProfileCommand).rejects(new NoSuchEntityException(exceptionOptions("not found", 404)));
    aws.iam.on(ListRolePoliciesCommand).rejects(new NoSuchEntityException(exceptionOptions("not found", 404)));
    aws.kms.on(DeleteAliasCommand).rejects(new NotFoundException(exceptionOptions("not found")));
    aws.kms
      .on(ScheduleKeyDeletionCommand)
      .rejects(new KMSInvalidStateException(exceptionOptions("key-1 is pending deletion.")));
    aws.kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: "key-1", KeyState: "PendingDeletion" } });

    for (const [kind, id] of [
      ["host", "i-1"],
      ["security_group", "sg-1"],
      ["key_pair", "key-0a"],
      ["instance_profile", "p"],
      ["iam_role", "r"],
      ["kms_alias", "alias/a"],
      ["kms_key", "key-1"],
    ] as const) {
      await expect(aws.driver.remove({ kind, name: id, id, tenant })).resolves.toBeUndefined();
    }
    expect(aws.iam.commandCalls(DeleteRoleCommand)).toHaveLength(0);
  });
});

describe("aws driver: error mapping", () => {
  const spec = buildSpec("security_group");

  it.each(["Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException"])(
    "maps %s to a transient error",
    async (code) => {
      aws.ec2.on(CreateSecurityGroupCommand).rejects(awsError(code));
      await expect(aws.driver.ensure(spec)).rejects.toBeInstanceOf(TransientCloudError);
    },
  );

  it("maps a 5xx to transient and anything else to a readable permanent error", async () => {
    aws.ec2
      .on(CreateSecurityGroupCommand)
      .rejectsOnce(awsError("InternalError", 503))
      .rejects(awsError("UnauthorizedOperation", 403, "You are not authorized to perform this operation."));
    await expect(aws.driver.ensure(spec)).rejects.toBeInstanceOf(TransientCloudError);
    const failure = aws.driver.ensure(spec);
    await expect(failure).rejects.toBeInstanceOf(PermanentCloudError);
    await expect(failure).rejects.toThrow(
      "AWS UnauthorizedOperation: You are not authorized to perform this operation.",
    );
  });
});

describe("aws driver: inventory and connectivity", () => {
  it("follows GetResources pages with the tenant filter, adds IAM by path and KMS aliases, skips what is already going", async () => {
    const arn = (rest: string) => `arn:aws:${rest}`;
    aws.tagging
      .on(GetResourcesCommand)
      .resolvesOnce({
        PaginationToken: "page-2",
        ResourceTagMappingList: [
          { ResourceARN: arn("ec2:eu-west-1:1:security-group/sg-1"), Tags: [{ Key: "Name", Value: "enclave-acme" }] },
          { ResourceARN: arn("ec2:eu-west-1:1:instance/i-live") },
          { ResourceARN: arn("ec2:eu-west-1:1:instance/i-gone") },
          { ResourceARN: arn("ec2:eu-west-1:1:volume/vol-1") },
        ],
      })
      .resolvesOnce({
        PaginationToken: "",
        ResourceTagMappingList: [
          { ResourceARN: arn("kms:eu-west-1:1:key/key-live") },
          { ResourceARN: arn("kms:eu-west-1:1:key/key-pending") },
          { ResourceARN: arn("iam::1:role/enclave/acme/enclave-acme") },
        ],
      });
    aws.ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            { InstanceId: "i-live", State: { Name: "running" } },
            { InstanceId: "i-gone", State: { Name: "terminated" } },
          ],
        },
      ],
    });
    aws.kms
      .on(DescribeKeyCommand, { KeyId: "key-live" })
      .resolves({ KeyMetadata: { KeyId: "key-live", KeyState: "Enabled" } });
    aws.kms
      .on(DescribeKeyCommand, { KeyId: "key-pending" })
      .resolves({ KeyMetadata: { KeyId: "key-pending", KeyState: "PendingDeletion" } });
    aws.kms
      .on(ListAliasesCommand, { KeyId: "key-live" })
      .resolves({ Aliases: [{ AliasName: "alias/enclave-acme", TargetKeyId: "key-live" }] });
    aws.iam
      .on(ListRolesCommand)
      .resolves({ Roles: [{ RoleName: "enclave-acme", Arn: arn("iam::1:role/enclave/acme/enclave-acme") } as never] });
    aws.iam
      .on(ListInstanceProfilesCommand)
      .resolves({ InstanceProfiles: [{ InstanceProfileName: "enclave-acme" } as never] });

    const found = await aws.driver.listTenantResources("acme");

    expect(found.map((ref) => `${ref.kind}:${ref.id}`).sort()).toEqual([
      "host:i-live",
      "iam_role:enclave-acme",
      "instance_profile:enclave-acme",
      "kms_alias:alias/enclave-acme",
      "kms_key:key-live",
      "security_group:sg-1",
    ]);
    expect(found.find((ref) => ref.kind === "security_group")).toMatchObject({ name: "enclave-acme", tenant: "acme" });
    const pages = aws.tagging.commandCalls(GetResourcesCommand).map((call) => call.args[0].input);
    expect(pages).toEqual([
      { TagFilters: [{ Key: "enclave:tenant", Values: ["acme"] }], PaginationToken: undefined },
      { TagFilters: [{ Key: "enclave:tenant", Values: ["acme"] }], PaginationToken: "page-2" },
    ]);
    expect(aws.iam.commandCalls(ListRolesCommand)[0]?.args[0].input).toMatchObject({ PathPrefix: "/enclave/acme/" });
  });

  it("reports the account and identity from STS, or why it could not", async () => {
    aws.sts
      .on(GetCallerIdentityCommand)
      .resolvesOnce({ Account: "123456789012", Arn: "arn:aws:sts::123456789012:assumed-role/enclave/portal" })
      .rejects(awsError("InvalidClientTokenId", 403, "The security token included in the request is invalid."));

    await expect(aws.driver.checkConnectivity()).resolves.toEqual({
      ok: true,
      detail: "AWS account 123456789012 as arn:aws:sts::123456789012:assumed-role/enclave/portal (eu-west-1)",
    });
    await expect(aws.driver.checkConnectivity()).resolves.toEqual({
      ok: false,
      detail: "AWS InvalidClientTokenId: The security token included in the request is invalid.",
    });
  });
});
