import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketTaggingCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
  type BucketLocationConstraint,
} from "@aws-sdk/client-s3";
import {
  ForeignResourceError,
  PermanentCloudError,
  TransientCloudError,
  tenantTagKey,
  type ResourceRef,
  type ResourceSpec,
} from "../contract";
import type { AwsContext } from "./clients";
import { emptyBucket } from "./bucket-objects";
import { hasErrorCode, ignoreErrorCodes } from "./errors";
import { buildTenantTags, readTag } from "./tags";

/** A private bucket of the tenant; S3 names are global, so the portal picks the name and we only check who has it. */
export async function ensureBucket(context: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  const created = await createBucket(context, spec.name);
  // In us-east-1 CreateBucket also answers 200 for a bucket the account already has, so look there too.
  const owner = created && context.region !== "us-east-1" ? null : await readBucketOwner(context, spec.name);
  // An untagged bucket is this tenant's to tag only when this very call created it.
  if (owner !== spec.tenant && (owner !== null || !created))
    throw new ForeignResourceError(spec.kind, spec.name, owner);
  if (owner === null) {
    await context.clients.s3.send(
      new PutBucketTaggingCommand({ Bucket: spec.name, Tagging: { TagSet: buildTenantTags(spec) } }),
    );
  }
  // Also on adoption: a crash may have come between CreateBucket and this call.
  await context.clients.s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: spec.name,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
  const attributes = { arn: `arn:aws:s3:::${spec.name}`, region: context.region };
  return { kind: spec.kind, name: spec.name, id: spec.name, tenant: spec.tenant, attributes, status: "available" };
}

/** True when this call made the bucket, false when the account already had it. */
async function createBucket({ clients, region }: AwsContext, name: string): Promise<boolean> {
  const configuration = region === "us-east-1" ? undefined : { LocationConstraint: region as BucketLocationConstraint };
  try {
    await clients.s3.send(new CreateBucketCommand({ Bucket: name, CreateBucketConfiguration: configuration }));
    return true;
  } catch (error) {
    if (hasErrorCode(error, "BucketAlreadyOwnedByYou")) return false;
    if (hasErrorCode(error, "BucketAlreadyExists")) {
      throw new PermanentCloudError(
        `The S3 bucket name ${name} is taken by another AWS account (bucket names are global across all accounts); choose another bucket name.`,
      );
    }
    if (hasErrorCode(error, "OperationAborted"))
      throw new TransientCloudError(`S3 is still creating or deleting a bucket named ${name}.`);
    throw error;
  }
}

async function readBucketOwner({ clients }: AwsContext, name: string): Promise<string | null> {
  const found = await ignoreErrorCodes(clients.s3.send(new GetBucketTaggingCommand({ Bucket: name })), "NoSuchTagSet");
  return readTag(found?.TagSet, tenantTagKey);
}

/** A bucket must be empty, old versions and delete markers included, before S3 deletes it. */
export async function removeBucket(context: AwsContext, name: string): Promise<void> {
  await emptyBucket(context, name);
  await context.clients.s3.send(new DeleteBucketCommand({ Bucket: name }));
}
