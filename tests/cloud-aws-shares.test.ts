import {
  CreateGrantCommand,
  ListGrantsCommand,
  NotFoundException,
  RevokeGrantCommand,
  type GrantOperation,
} from "@aws-sdk/client-kms";
import { DeleteBucketPolicyCommand, GetBucketPolicyCommand, PutBucketPolicyCommand } from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, it } from "vitest";
import { PermanentCloudError, type ResourceSpec } from "@/lib/cloud/contract";
import { awsError, createMockedAwsDriver, exceptionOptions } from "./helpers/aws-mocks";

let aws: ReturnType<typeof createMockedAwsDriver>;
beforeEach(() => {
  aws = createMockedAwsDriver();
});

const roleArn = "arn:aws:iam::123456789012:role/enclave/globex/enclave-globex";
const bucketSpec = (access: string, name = "ShareGlobex1"): ResourceSpec => ({
  kind: "bucket_grant",
  name,
  tenant: "acme",
  idempotencyKey: name,
  attributes: { bucket: "acme-uploads", principalArn: roleArn, access },
});
const readStatement = {
  Sid: "ShareGlobex1",
  Effect: "Allow",
  Principal: { AWS: roleArn },
  Action: ["s3:GetObject", "s3:ListBucket"],
  Resource: ["arn:aws:s3:::acme-uploads", "arn:aws:s3:::acme-uploads/*"],
};
const otherStatement = {
  Sid: "DenyInsecure",
  Effect: "Deny",
  Principal: "*",
  Action: "s3:*",
  Resource: "arn:aws:s3:::acme-uploads/*",
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};
const bucketRef = {
  kind: "bucket_grant" as const,
  name: "ShareGlobex1",
  id: "acme-uploads/ShareGlobex1",
  tenant: "acme",
};
const policyOf = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const putPolicies = () =>
  aws.s3.commandCalls(PutBucketPolicyCommand).map((call) => ({
    Bucket: call.args[0].input.Bucket,
    Policy: JSON.parse(call.args[0].input.Policy!) as unknown,
  }));

describe("aws driver: bucket shares", () => {
  it("writes one read statement for the role on an empty policy", async () => {
    aws.s3.on(GetBucketPolicyCommand).rejects(awsError("NoSuchBucketPolicy", 404));
    aws.s3.on(PutBucketPolicyCommand).resolves({});

    const ref = await aws.driver.ensure(bucketSpec("read"));

    expect(ref).toMatchObject({ kind: "bucket_grant", id: "acme-uploads/ShareGlobex1" });
    expect(putPolicies()).toEqual([
      { Bucket: "acme-uploads", Policy: { Version: "2012-10-17", Statement: [readStatement] } },
    ]);
  });

  it("adds put and delete for read-write, merged after the policy's other statements", async () => {
    aws.s3
      .on(GetBucketPolicyCommand)
      .resolves({ Policy: JSON.stringify({ Version: "2012-10-17", Statement: otherStatement }) });
    aws.s3.on(PutBucketPolicyCommand).resolves({});

    await aws.driver.ensure(bucketSpec("read-write"));

    expect(putPolicies()[0]?.Policy).toEqual({
      Version: "2012-10-17",
      Statement: [
        otherStatement,
        {
          ...readStatement,
          Action: ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:DeleteObject"],
        },
      ],
    });
  });

  it("replaces its own statement rather than adding another, and writes nothing when it is already there", async () => {
    aws.s3.on(GetBucketPolicyCommand).resolves({ Policy: policyOf(otherStatement, readStatement) });
    aws.s3.on(PutBucketPolicyCommand).resolves({});

    await aws.driver.ensure(bucketSpec("read"));
    expect(putPolicies()).toEqual([]);

    await aws.driver.ensure(bucketSpec("read-write"));
    const statements = (putPolicies()[0]?.Policy as { Statement: { Sid: string; Action: string[] }[] }).Statement;
    expect(statements.map((statement) => statement.Sid)).toEqual(["DenyInsecure", "ShareGlobex1"]);
    expect(statements[1]?.Action).toContain("s3:PutObject");
  });

  it("refuses a share name that cannot be a Sid, and a missing principal, before any call", async () => {
    await expect(aws.driver.ensure(bucketSpec("read", "share-globex"))).rejects.toThrow(/letters and digits only/);
    await expect(
      aws.driver.ensure({ ...bucketSpec("read"), attributes: { bucket: "acme-uploads", access: "read" } }),
    ).rejects.toBeInstanceOf(PermanentCloudError);
    await expect(aws.driver.ensure(bucketSpec("connect"))).rejects.toThrow(/"read" or "read-write"/);
    expect(aws.s3.calls()).toHaveLength(0);
  });

  it("removes only its statement and keeps the others", async () => {
    aws.s3.on(GetBucketPolicyCommand).resolves({ Policy: policyOf(otherStatement, readStatement) });
    aws.s3.on(PutBucketPolicyCommand).resolves({});

    await aws.driver.remove(bucketRef);

    expect(putPolicies()).toEqual([
      { Bucket: "acme-uploads", Policy: { Version: "2012-10-17", Statement: [otherStatement] } },
    ]);
    expect(aws.s3.commandCalls(DeleteBucketPolicyCommand)).toHaveLength(0);
  });

  it("deletes a policy its removal leaves empty, and counts an absent statement or policy as removed", async () => {
    aws.s3.on(GetBucketPolicyCommand).resolves({ Policy: policyOf(readStatement) });
    aws.s3.on(DeleteBucketPolicyCommand).resolves({});

    await aws.driver.remove(bucketRef);
    expect(aws.s3.commandCalls(DeleteBucketPolicyCommand)[0]?.args[0].input).toEqual({ Bucket: "acme-uploads" });

    aws.s3.reset();
    aws.s3.on(GetBucketPolicyCommand).resolves({ Policy: policyOf(otherStatement) });
    await aws.driver.remove(bucketRef);
    aws.s3.on(GetBucketPolicyCommand).rejects(awsError("NoSuchBucketPolicy", 404));
    await aws.driver.remove(bucketRef);
    expect(aws.s3.commandCalls(PutBucketPolicyCommand)).toHaveLength(0);
    expect(aws.s3.commandCalls(DeleteBucketPolicyCommand)).toHaveLength(0);
  });
});

const keySpec = (access: string): ResourceSpec => ({
  kind: "key_grant",
  name: "share-globex-1",
  tenant: "acme",
  idempotencyKey: "share-globex-1",
  attributes: { principalArn: roleArn, access },
  refs: { keyId: "key-acme" },
});
const keyRef = (id: string) => ({ kind: "key_grant" as const, name: "share-globex-1", id, tenant: "acme" });
const readOperations: GrantOperation[] = ["Decrypt", "DescribeKey"];
const writeOperations: GrantOperation[] = [
  ...readOperations,
  "Encrypt",
  "GenerateDataKey",
  "ReEncryptFrom",
  "ReEncryptTo",
];

describe("aws driver: key shares", () => {
  it("grants the role decrypt and describe for read, on the tenant's key, named after the share", async () => {
    aws.kms.on(ListGrantsCommand).resolves({ Grants: [] });
    aws.kms.on(CreateGrantCommand).resolves({ GrantId: "g-1", GrantToken: "t" });

    const ref = await aws.driver.ensure(keySpec("read"));

    expect(ref).toMatchObject({ kind: "key_grant", id: "key-acme/g-1" });
    expect(aws.kms.commandCalls(CreateGrantCommand)[0]?.args[0].input).toEqual({
      KeyId: "key-acme",
      GranteePrincipal: roleArn,
      Operations: readOperations,
      Name: "share-globex-1",
    });
  });

  it("adds encrypt, data keys and re-encryption for read-write", async () => {
    aws.kms.on(ListGrantsCommand).resolves({ Grants: [] });
    aws.kms.on(CreateGrantCommand).resolves({ GrantId: "g-2" });

    await aws.driver.ensure(keySpec("read-write"));

    expect(aws.kms.commandCalls(CreateGrantCommand)[0]?.args[0].input.Operations).toEqual(writeOperations);
  });

  it("adopts a grant of the same name, principal and operations found on a later page", async () => {
    aws.kms
      .on(ListGrantsCommand)
      .resolvesOnce({ Grants: [{ GrantId: "g-other", Name: "someone-else" }], Truncated: true, NextMarker: "p2" })
      .resolvesOnce({
        Grants: [
          { GrantId: "g-1", Name: "share-globex-1", GranteePrincipal: roleArn, Operations: ["DescribeKey", "Decrypt"] },
        ],
      });

    await expect(aws.driver.ensure(keySpec("read"))).resolves.toMatchObject({ id: "key-acme/g-1" });
    expect(aws.kms.commandCalls(CreateGrantCommand)).toHaveLength(0);
    expect(aws.kms.commandCalls(ListGrantsCommand).map((call) => call.args[0].input)).toEqual([
      { KeyId: "key-acme", Marker: undefined },
      { KeyId: "key-acme", Marker: "p2" },
    ]);
  });

  it("replaces a grant of that name with other operations: the new one first, then the old one revoked", async () => {
    aws.kms.on(ListGrantsCommand).resolves({
      Grants: [{ GrantId: "g-1", Name: "share-globex-1", GranteePrincipal: roleArn, Operations: readOperations }],
    });
    aws.kms.on(CreateGrantCommand).resolves({ GrantId: "g-2" });
    aws.kms.on(RevokeGrantCommand).resolves({});

    await expect(aws.driver.ensure(keySpec("read-write"))).resolves.toMatchObject({ id: "key-acme/g-2" });
    expect(aws.kms.commandCalls(RevokeGrantCommand).map((call) => call.args[0].input)).toEqual([
      { KeyId: "key-acme", GrantId: "g-1" },
    ]);
  });

  it("revokes the grant on removal, and counts one already gone as removed", async () => {
    aws.kms
      .on(RevokeGrantCommand)
      .resolvesOnce({})
      .rejectsOnce(new NotFoundException(exceptionOptions("gone")));

    await aws.driver.remove(keyRef("key-acme/g-1"));
    await aws.driver.remove(keyRef("key-acme/g-1"));

    expect(aws.kms.commandCalls(RevokeGrantCommand).map((call) => call.args[0].input)).toEqual([
      { KeyId: "key-acme", GrantId: "g-1" },
      { KeyId: "key-acme", GrantId: "g-1" },
    ]);
  });

  it("splits a key given by ARN from its grant id at the last slash", async () => {
    aws.kms.on(RevokeGrantCommand).resolves({});

    await aws.driver.remove(keyRef("arn:aws:kms:eu-west-1:1:key/key-acme/g-9"));

    expect(aws.kms.commandCalls(RevokeGrantCommand)[0]?.args[0].input).toEqual({
      KeyId: "arn:aws:kms:eu-west-1:1:key/key-acme",
      GrantId: "g-9",
    });
  });
});
