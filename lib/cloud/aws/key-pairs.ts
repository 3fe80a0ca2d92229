import { CreateKeyPairCommand, DeleteKeyPairCommand, DescribeKeyPairsCommand } from "@aws-sdk/client-ec2";
import { TransientCloudError, type ResourceRef, type ResourceSpec } from "../contract";
import { readStringAttribute, type AwsContext } from "./clients";
import { hasErrorCode } from "./errors";
import { assertTenantOwns, buildTagSpecifications } from "./tags";

/** The private key exists only in CreateKeyPair's answer: it goes back as `secret` and nowhere else. */
export async function ensureKeyPair(
  { clients }: AwsContext,
  spec: ResourceSpec,
): Promise<ResourceRef & { secret?: string }> {
  const keyType = readStringAttribute(spec, "keyType") === "rsa" ? "rsa" : "ed25519";
  try {
    const created = await clients.ec2.send(
      new CreateKeyPairCommand({
        KeyName: spec.name,
        KeyType: keyType,
        KeyFormat: "pem",
        TagSpecifications: buildTagSpecifications(spec, "key-pair"),
      }),
    );
    if (!created.KeyPairId || !created.KeyMaterial)
      throw new TransientCloudError(`AWS created key pair ${spec.name} without its id or key.`);
    const attributes = { keyName: spec.name, keyType, fingerprint: created.KeyFingerprint };
    return {
      kind: spec.kind,
      name: spec.name,
      id: created.KeyPairId,
      tenant: spec.tenant,
      attributes,
      secret: created.KeyMaterial,
    };
  } catch (error) {
    if (!hasErrorCode(error, "InvalidKeyPair.Duplicate")) throw error;
  }
  const found = await clients.ec2.send(new DescribeKeyPairsCommand({ KeyNames: [spec.name] }));
  const existing = found.KeyPairs?.[0];
  if (!existing?.KeyPairId)
    throw new TransientCloudError(`Key pair ${spec.name} is reported as existing but cannot be read yet.`);
  assertTenantOwns(spec, existing.Tags);
  const attributes = { keyName: spec.name, keyType: existing.KeyType, fingerprint: existing.KeyFingerprint };
  return { kind: spec.kind, name: spec.name, id: existing.KeyPairId, tenant: spec.tenant, attributes };
}

export async function removeKeyPair({ clients }: AwsContext, keyPairId: string): Promise<void> {
  await clients.ec2.send(new DeleteKeyPairCommand({ KeyPairId: keyPairId }));
}
