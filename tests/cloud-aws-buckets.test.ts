import {
  BucketAlreadyExists,
  BucketAlreadyOwnedByYou,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketTaggingCommand,
  ListObjectVersionsCommand,
  NoSuchBucket,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
} from "@aws-sdk/client-s3";
import { beforeEach, describe, expect, it } from "vitest";
import { ForeignResourceError, PermanentCloudError, TransientCloudError } from "@/lib/cloud/contract";
import {
  acmeTags,
  awsError,
  buildSpec,
  createMockedAwsDriver,
  exceptionOptions,
  globexTags,
} from "./helpers/aws-mocks";

let aws: ReturnType<typeof createMockedAwsDriver>;
beforeEach(() => {
  aws = createMockedAwsDriver();
});

const bucket = buildSpec("bucket", { name: "acme-uploads-7f3a" });
const allBlocked = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};
const inputs = <T extends object>(calls: { args: [{ input: T }] }[]) => calls.map((call) => call.args[0].input);

describe("aws driver: buckets", () => {
  it("creates the bucket in the driver's region, tags it with the tenant and blocks all public access", async () => {
    await expect(aws.driver.ensure(bucket)).resolves.toMatchObject({
      kind: "bucket",
      id: "acme-uploads-7f3a",
      tenant: "acme",
      status: "available",
    });

    expect(inputs(aws.s3.commandCalls(CreateBucketCommand))).toEqual([
      { Bucket: "acme-uploads-7f3a", CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } },
    ]);
    expect(inputs(aws.s3.commandCalls(PutBucketTaggingCommand))).toEqual([
      {
        Bucket: "acme-uploads-7f3a",
        Tagging: {
          TagSet: [
            { Key: "enclave:tenant", Value: "acme" },
            { Key: "Name", Value: "acme-uploads-7f3a" },
          ],
        },
      },
    ]);
    expect(inputs(aws.s3.commandCalls(PutPublicAccessBlockCommand))).toEqual([
      { Bucket: "acme-uploads-7f3a", PublicAccessBlockConfiguration: allBlocked },
    ]);
  });

  it("sends no location in us-east-1, where CreateBucket also succeeds on a bucket the account has: it checks the owner there", async () => {
    const east = createMockedAwsDriver("us-east-1");
    east.s3.on(GetBucketTaggingCommand).rejectsOnce(awsError("NoSuchTagSet", 404)).resolves({ TagSet: globexTags });

    await expect(east.driver.ensure(bucket)).resolves.toMatchObject({ id: "acme-uploads-7f3a" });
    expect(east.s3.commandCalls(CreateBucketCommand)[0]?.args[0].input).toEqual({
      Bucket: "acme-uploads-7f3a",
      CreateBucketConfiguration: undefined,
    });
    expect(east.s3.commandCalls(PutBucketTaggingCommand)).toHaveLength(1);

    await expect(east.driver.ensure(bucket)).rejects.toThrow(/belongs to tenant globex/);
    expect(east.s3.commandCalls(PutBucketTaggingCommand)).toHaveLength(1);
    expect(east.s3.commandCalls(PutPublicAccessBlockCommand)).toHaveLength(1);
  });

  it("adopts the tenant's own bucket without retagging it, and still blocks public access", async () => {
    aws.s3
      .on(CreateBucketCommand)
      .rejects(
        new BucketAlreadyOwnedByYou(
          exceptionOptions("Your previous request to create the named bucket succeeded and you already own it.", 409),
        ),
      );
    aws.s3.on(GetBucketTaggingCommand).resolves({ TagSet: acmeTags });

    await expect(aws.driver.ensure(bucket)).resolves.toMatchObject({ id: "acme-uploads-7f3a", tenant: "acme" });
    expect(inputs(aws.s3.commandCalls(GetBucketTaggingCommand))).toEqual([{ Bucket: "acme-uploads-7f3a" }]);
    expect(aws.s3.commandCalls(PutBucketTaggingCommand)).toHaveLength(0);
    expect(aws.s3.commandCalls(PutPublicAccessBlockCommand)).toHaveLength(1);
  });

  it("refuses the account's bucket of another tenant, or of none, and changes nothing on it", async () => {
    aws.s3.on(CreateBucketCommand).rejects(new BucketAlreadyOwnedByYou(exceptionOptions("you already own it", 409)));
    aws.s3.on(GetBucketTaggingCommand).resolvesOnce({ TagSet: globexTags }).rejects(awsError("NoSuchTagSet", 404));

    const foreign = aws.driver.ensure(bucket);
    await expect(foreign).rejects.toBeInstanceOf(ForeignResourceError);
    await expect(foreign).rejects.toThrow(/belongs to tenant globex/);
    await expect(aws.driver.ensure(bucket)).rejects.toThrow(/belongs to no tenant/);
    expect(aws.s3.commandCalls(PutBucketTaggingCommand)).toHaveLength(0);
    expect(aws.s3.commandCalls(PutPublicAccessBlockCommand)).toHaveLength(0);
  });

  it("says plainly that a name taken by another AWS account must change", async () => {
    aws.s3
      .on(CreateBucketCommand)
      .rejects(new BucketAlreadyExists(exceptionOptions("The requested bucket name is not available.", 409)));

    const failure = aws.driver.ensure(bucket);
    await expect(failure).rejects.toBeInstanceOf(PermanentCloudError);
    await expect(failure).rejects.toThrow("The S3 bucket name acme-uploads-7f3a is taken by another AWS account");
    await expect(failure).rejects.toThrow(/choose another bucket name/);
    expect(aws.s3.commandCalls(GetBucketTaggingCommand)).toHaveLength(0);
  });
});

describe("aws driver: bucket removal", () => {
  const ref = { kind: "bucket" as const, name: "acme-uploads-7f3a", id: "acme-uploads-7f3a", tenant: "acme" };

  it("deletes every version and delete marker across pages, then the bucket", async () => {
    aws.s3
      .on(ListObjectVersionsCommand)
      .resolvesOnce({
        IsTruncated: true,
        NextKeyMarker: "b.txt",
        NextVersionIdMarker: "v2",
        Versions: [
          { Key: "a.txt", VersionId: "v1" },
          { Key: "b.txt", VersionId: "v2" },
        ],
        DeleteMarkers: [{ Key: "old.txt", VersionId: "dm1" }],
      })
      .resolvesOnce({ IsTruncated: false, Versions: [{ Key: "c.txt", VersionId: "null" }] });
    aws.s3.on(DeleteObjectsCommand).resolves({});

    await expect(aws.driver.remove(ref)).resolves.toBeUndefined();

    expect(inputs(aws.s3.commandCalls(ListObjectVersionsCommand))).toEqual([
      { Bucket: "acme-uploads-7f3a", KeyMarker: undefined, VersionIdMarker: undefined },
      { Bucket: "acme-uploads-7f3a", KeyMarker: "b.txt", VersionIdMarker: "v2" },
    ]);
    expect(inputs(aws.s3.commandCalls(DeleteObjectsCommand))).toEqual([
      {
        Bucket: "acme-uploads-7f3a",
        Delete: {
          Quiet: true,
          Objects: [
            { Key: "a.txt", VersionId: "v1" },
            { Key: "b.txt", VersionId: "v2" },
            { Key: "old.txt", VersionId: "dm1" },
          ],
        },
      },
      { Bucket: "acme-uploads-7f3a", Delete: { Quiet: true, Objects: [{ Key: "c.txt", VersionId: "null" }] } },
    ]);
    const order = aws.s3.calls().map((call) => call.args[0].constructor.name);
    expect(order.at(-1)).toBe("DeleteBucketCommand");
    expect(inputs(aws.s3.commandCalls(DeleteBucketCommand))).toEqual([{ Bucket: "acme-uploads-7f3a" }]);
  });

  it("counts a bucket that is already gone as removed", async () => {
    aws.s3
      .on(ListObjectVersionsCommand)
      .rejects(new NoSuchBucket(exceptionOptions("The specified bucket does not exist", 404)));
    await expect(aws.driver.remove(ref)).resolves.toBeUndefined();
    expect(aws.s3.commandCalls(DeleteBucketCommand)).toHaveLength(0);

    aws.s3.on(ListObjectVersionsCommand).resolves({ IsTruncated: false });
    aws.s3
      .on(DeleteBucketCommand)
      .rejects(new NoSuchBucket(exceptionOptions("The specified bucket does not exist", 404)));
    await expect(aws.driver.remove(ref)).resolves.toBeUndefined();
  });

  it("does not delete the bucket when objects could not be deleted, and retries one written to meanwhile", async () => {
    aws.s3.on(ListObjectVersionsCommand).resolves({ Versions: [{ Key: "a.txt", VersionId: "v1" }] });
    aws.s3
      .on(DeleteObjectsCommand)
      .resolvesOnce({ Errors: [{ Key: "a.txt", Code: "InternalError", Message: "try again" }] })
      .resolves({});
    aws.s3
      .on(DeleteBucketCommand)
      .rejects(awsError("BucketNotEmpty", 409, "The bucket you tried to delete is not empty"));

    await expect(aws.driver.remove(ref)).rejects.toThrow(/could not delete 1 object/);
    expect(aws.s3.commandCalls(DeleteBucketCommand)).toHaveLength(0);
    await expect(aws.driver.remove(ref)).rejects.toBeInstanceOf(TransientCloudError);
  });
});
