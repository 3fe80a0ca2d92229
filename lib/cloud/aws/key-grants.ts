import {
  CreateGrantCommand,
  ListGrantsCommand,
  RevokeGrantCommand,
  type GrantListEntry,
  type GrantOperation,
} from "@aws-sdk/client-kms";
import { PermanentCloudError, TransientCloudError, type ResourceRef, type ResourceSpec } from "../contract";
import { requireRef, type AwsContext } from "./clients";
import { ignoreErrorCodes } from "./errors";
import { readGrantSpec, type ObjectAccess } from "./share-access";

export const grantOperations: Record<ObjectAccess, GrantOperation[]> = {
  read: ["Decrypt", "DescribeKey"],
  "read-write": ["Decrypt", "DescribeKey", "Encrypt", "GenerateDataKey", "ReEncryptFrom", "ReEncryptTo"],
};

/** A grant on the tenant's key for the other tenant's role, found again by its name; a changed one is replaced. */
export async function ensureKeyGrant(context: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  if (!/^[A-Za-z0-9:/_-]{1,256}$/.test(spec.name))
    throw new PermanentCloudError(
      `A key share's name is its grant name: letters, digits, : / _ - only; got ${spec.name}.`,
    );
  const keyId = requireRef(spec, "keyId");
  const { principalArn, access } = readGrantSpec(spec);
  const Operations = grantOperations[access];
  const named = (await listGrants(context, keyId)).filter((grant) => grant.Name === spec.name);
  const same = (grant: GrantListEntry) =>
    grant.GranteePrincipal === principalArn &&
    [...(grant.Operations ?? [])].sort().join() === [...Operations].sort().join();
  let grantId = named.find(same)?.GrantId;
  if (!grantId) {
    const created = await context.clients.kms.send(
      new CreateGrantCommand({ KeyId: keyId, GranteePrincipal: principalArn, Operations, Name: spec.name }),
    );
    if (!created.GrantId) throw new TransientCloudError(`KMS made grant ${spec.name} without returning its id.`);
    grantId = created.GrantId;
  }
  for (const stale of named.filter((grant) => grant.GrantId !== grantId))
    await revokeGrant(context, keyId, stale.GrantId!);
  const attributes = { keyId, principalArn, access, grantId };
  return { kind: spec.kind, name: spec.name, id: `${keyId}/${grantId}`, tenant: spec.tenant, attributes };
}

async function listGrants({ clients }: AwsContext, KeyId: string): Promise<GrantListEntry[]> {
  const grants: GrantListEntry[] = [];
  let Marker: string | undefined;
  do {
    const page = await clients.kms.send(new ListGrantsCommand({ KeyId, Marker }));
    grants.push(...(page.Grants ?? []).filter((grant) => grant.GrantId));
    Marker = page.Truncated ? page.NextMarker : undefined;
  } while (Marker);
  return grants;
}

async function revokeGrant({ clients }: AwsContext, KeyId: string, GrantId: string): Promise<void> {
  await ignoreErrorCodes(
    clients.kms.send(new RevokeGrantCommand({ KeyId, GrantId })),
    "NotFoundException",
    "InvalidGrantId",
  );
}

/** `<keyId>/<grantId>`: a key id given as an ARN holds a slash itself, a grant id never does. */
export async function removeKeyGrant(context: AwsContext, id: string): Promise<void> {
  const slash = id.lastIndexOf("/");
  if (slash <= 0) throw new PermanentCloudError(`${id} is not a key share id (<keyId>/<grantId>).`);
  await revokeGrant(context, id.slice(0, slash), id.slice(slash + 1));
}
