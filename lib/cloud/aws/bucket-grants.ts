import { DeleteBucketPolicyCommand, GetBucketPolicyCommand, PutBucketPolicyCommand } from "@aws-sdk/client-s3";
import { PermanentCloudError, type ResourceRef, type ResourceSpec } from "../contract";
import { readStringAttribute, type AwsContext } from "./clients";
import { ignoreErrorCodes } from "./errors";
import { readGrantSpec, type ObjectAccess } from "./share-access";

interface PolicyStatement {
  Sid?: string;
  [field: string]: unknown;
}
interface BucketPolicy {
  Version: string;
  Statement: PolicyStatement[];
}

const actions: Record<ObjectAccess, string[]> = {
  read: ["s3:GetObject", "s3:ListBucket"],
  "read-write": ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:DeleteObject"],
};

export function buildGrantStatement(sid: string, bucket: string, principalArn: string, access: ObjectAccess) {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { AWS: principalArn },
    Action: actions[access],
    Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  };
}

/** Puts (or replaces) the one statement named by the spec in the bucket's policy, leaving the others as they are. */
export async function ensureBucketGrant(context: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  if (!/^[A-Za-z0-9]{1,100}$/.test(spec.name))
    throw new PermanentCloudError(
      `A bucket share's name is its policy Sid: letters and digits only; got ${spec.name}.`,
    );
  const bucket = readStringAttribute(spec, "bucket");
  if (!bucket) throw new PermanentCloudError(`Share ${spec.name} needs attributes.bucket.`);
  const { principalArn, access } = readGrantSpec(spec);
  const wanted = buildGrantStatement(spec.name, bucket, principalArn, access);
  const policy = await readBucketPolicy(context, bucket);
  const others = policy.Statement.filter((statement) => statement.Sid !== spec.name);
  const current = policy.Statement.find((statement) => statement.Sid === spec.name);
  if (JSON.stringify(current) !== JSON.stringify(wanted) || others.length + 1 !== policy.Statement.length)
    await writeBucketPolicy(context, bucket, { ...policy, Statement: [...others, wanted] });
  const attributes = { bucket, principalArn, access, sid: spec.name };
  return { kind: spec.kind, name: spec.name, id: `${bucket}/${spec.name}`, tenant: spec.tenant, attributes };
}

/** Takes the statement out; a policy left empty is deleted, since S3 refuses one without statements. */
export async function removeBucketGrant(context: AwsContext, id: string): Promise<void> {
  const slash = id.indexOf("/");
  const [bucket, sid] = [id.slice(0, slash), id.slice(slash + 1)];
  if (slash <= 0 || !sid) throw new PermanentCloudError(`${id} is not a bucket share id (<bucket>/<Sid>).`);
  const policy = await readBucketPolicy(context, bucket);
  const kept = policy.Statement.filter((statement) => statement.Sid !== sid);
  if (kept.length === policy.Statement.length) return;
  if (kept.length === 0) await context.clients.s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
  else await writeBucketPolicy(context, bucket, { ...policy, Statement: kept });
}

async function readBucketPolicy({ clients }: AwsContext, bucket: string): Promise<BucketPolicy> {
  const found = await ignoreErrorCodes(
    clients.s3.send(new GetBucketPolicyCommand({ Bucket: bucket })),
    "NoSuchBucketPolicy",
  );
  if (!found?.Policy) return { Version: "2012-10-17", Statement: [] };
  const parsed = JSON.parse(found.Policy) as { Version?: string; Statement?: PolicyStatement | PolicyStatement[] };
  const statements = parsed.Statement === undefined ? [] : [parsed.Statement].flat();
  return { ...parsed, Version: parsed.Version ?? "2012-10-17", Statement: statements };
}

async function writeBucketPolicy({ clients }: AwsContext, bucket: string, policy: BucketPolicy): Promise<void> {
  await clients.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
}
