import {
  CreateKeyCommand,
  DescribeKeyCommand,
  ListResourceTagsCommand,
  ScheduleKeyDeletionCommand,
  type KeyMetadata,
} from "@aws-sdk/client-kms";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import {
  ForeignResourceError,
  PermanentCloudError,
  TransientCloudError,
  tenantTagKey,
  type ResourceRef,
  type ResourceSpec,
} from "../contract";
import type { AwsContext } from "./clients";
import { hasErrorCode, ignoreErrorCodes } from "./errors";
import { buildKmsTags, readTag } from "./tags";

const idempotencyTagKey = "enclave:idempotency-key";

export function toAliasName(name: string): string {
  return name.startsWith("alias/") ? name : `alias/${name}`;
}

/** KMS has no client token: adopt the key behind our alias, else the key an interrupted try made, else create. */
export async function ensureKmsKey(context: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  const aliasName = toAliasName(spec.name);
  const aliased = await describeKey(context, aliasName);
  if (aliased?.KeyState === "PendingDeletion") {
    throw new PermanentCloudError(`KMS alias ${aliasName} points to key ${aliased.KeyId}, which is pending deletion.`);
  }
  if (aliased?.KeyId) {
    const owner = await readKeyOwner(context, aliased.KeyId);
    if (owner !== spec.tenant) throw new ForeignResourceError(spec.kind, spec.name, owner);
    return toKeyRef(spec, aliased);
  }
  const interrupted = await findKeyByIdempotencyKey(context, spec);
  if (interrupted) return toKeyRef(spec, interrupted);
  const created = await context.clients.kms.send(
    new CreateKeyCommand({
      Description: `Enclave tenant ${spec.tenant} (${spec.idempotencyKey})`,
      KeyUsage: "ENCRYPT_DECRYPT",
      KeySpec: "SYMMETRIC_DEFAULT",
      Tags: [...buildKmsTags(spec), { TagKey: idempotencyTagKey, TagValue: spec.idempotencyKey }],
    }),
  );
  if (!created.KeyMetadata?.KeyId)
    throw new TransientCloudError(`AWS created KMS key ${spec.name} without returning its id.`);
  return toKeyRef(spec, created.KeyMetadata);
}

function toKeyRef(spec: ResourceSpec, key: KeyMetadata): ResourceRef {
  return {
    kind: spec.kind,
    name: spec.name,
    id: key.KeyId ?? "",
    tenant: spec.tenant,
    attributes: { arn: key.Arn, alias: toAliasName(spec.name) },
  };
}

export async function describeKey({ clients }: AwsContext, keyId: string): Promise<KeyMetadata | undefined> {
  const found = await ignoreErrorCodes(clients.kms.send(new DescribeKeyCommand({ KeyId: keyId })), "NotFoundException");
  return found?.KeyMetadata;
}

export async function readKeyOwner({ clients }: AwsContext, keyId: string): Promise<string | null> {
  const found = await clients.kms.send(new ListResourceTagsCommand({ KeyId: keyId }));
  return readTag(
    found.Tags?.map((tag) => ({ Key: tag.TagKey, Value: tag.TagValue })),
    tenantTagKey,
  );
}

async function findKeyByIdempotencyKey(context: AwsContext, spec: ResourceSpec): Promise<KeyMetadata | undefined> {
  const found = await context.clients.tagging.send(
    new GetResourcesCommand({
      ResourceTypeFilters: ["kms:key"],
      TagFilters: [
        { Key: tenantTagKey, Values: [spec.tenant] },
        { Key: idempotencyTagKey, Values: [spec.idempotencyKey] },
      ],
    }),
  );
  for (const { ResourceARN } of found.ResourceTagMappingList ?? []) {
    const key = ResourceARN ? await describeKey(context, ResourceARN) : undefined;
    if (key?.KeyState && key.KeyState !== "PendingDeletion") return key;
  }
  return undefined;
}

export async function removeKmsKey(context: AwsContext, keyId: string): Promise<void> {
  try {
    await context.clients.kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
  } catch (error) {
    if (
      hasErrorCode(error, "KMSInvalidStateException") &&
      (await describeKey(context, keyId))?.KeyState === "PendingDeletion"
    )
      return;
    throw error;
  }
}
