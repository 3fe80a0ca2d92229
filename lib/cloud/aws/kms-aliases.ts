import { CreateAliasCommand, DeleteAliasCommand, ListAliasesCommand } from "@aws-sdk/client-kms";
import { ForeignResourceError, type ResourceRef, type ResourceSpec } from "../contract";
import { requireRef, type AwsContext } from "./clients";
import { hasErrorCode } from "./errors";
import { describeKey, readKeyOwner, toAliasName } from "./kms-keys";

/** Aliases cannot carry tags; one is ours when it points at the key we were given. Its id is its name. */
export async function ensureKmsAlias(context: AwsContext, spec: ResourceSpec): Promise<ResourceRef> {
  const aliasName = toAliasName(spec.name);
  const keyId = requireRef(spec, "keyId");
  try {
    await context.clients.kms.send(new CreateAliasCommand({ AliasName: aliasName, TargetKeyId: keyId }));
  } catch (error) {
    if (!hasErrorCode(error, "AlreadyExistsException")) throw error;
    const target = await describeKey(context, aliasName);
    if (target?.KeyId !== keyId && target?.Arn !== keyId) {
      const owner = target?.KeyId ? await readKeyOwner(context, target.KeyId) : null;
      throw new ForeignResourceError(spec.kind, aliasName, owner);
    }
  }
  return { kind: spec.kind, name: spec.name, id: aliasName, tenant: spec.tenant, attributes: { keyId } };
}

export async function removeKmsAlias({ clients }: AwsContext, aliasName: string): Promise<void> {
  await clients.kms.send(new DeleteAliasCommand({ AliasName: toAliasName(aliasName) }));
}

/** Aliases carry no tags, so the inventory finds them through the tenant's keys. */
export async function listKeyAliases({ clients }: AwsContext, keyId: string, tenant: string): Promise<ResourceRef[]> {
  const refs: ResourceRef[] = [];
  let Marker: string | undefined;
  do {
    const page = await clients.kms.send(new ListAliasesCommand({ KeyId: keyId, Marker }));
    for (const { AliasName } of page.Aliases ?? []) {
      if (AliasName) refs.push({ kind: "kms_alias", name: AliasName, id: AliasName, tenant, attributes: { keyId } });
    }
    Marker = page.Truncated ? page.NextMarker : undefined;
  } while (Marker);
  return refs;
}
