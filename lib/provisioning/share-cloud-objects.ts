import type { Share } from "@/db/schema";
import type { ResourceRef, ResourceSpec } from "@/lib/cloud/contract";
import { ingressPolicySpec, ingressRuleSpec } from "./network-rule-objects";

type ShareRow = Pick<Share, "id" | "resourceName" | "access">;

/** A bucket-policy statement id and KMS grant name: letters and digits only, one per share. */
export const shareSid = (shareId: string) => `EnclaveShare${shareId.replace(/[^A-Za-z0-9]/g, "")}`;

/** The grantee's role as a principal: AWS reports its ARN; the local cloud has none, so one is written like it. */
export function principalArnOf(role: ResourceRef): string {
  const arn = role.attributes.arn;
  return typeof arn === "string" && arn !== "" ? arn : `arn:aws:iam::000000000000:role/${role.name}`;
}

/** A bucket share: one statement in the owner's bucket policy and one grant on the owner's key, both for the grantee's role. */
export function bucketShareSpecs(
  share: ShareRow,
  owner: string,
  cloud: { principalArn: string; keyId: string },
): { bucketGrant: ResourceSpec; keyGrant: ResourceSpec } {
  const name = shareSid(share.id);
  const base = { name, tenant: owner };
  return {
    bucketGrant: {
      ...base,
      kind: "bucket_grant",
      idempotencyKey: `enclave-share-${share.id}-bucket`,
      attributes: { bucket: share.resourceName, principalArn: cloud.principalArn, access: share.access },
    },
    keyGrant: {
      ...base,
      kind: "key_grant",
      idempotencyKey: `enclave-share-${share.id}-key`,
      attributes: { principalArn: cloud.principalArn, access: share.access },
      refs: { keyId: cloud.keyId },
    },
  };
}

/** A database share: ingress on the database's own group from the grantee's group, and the same in the cluster. */
export function databaseShareSpecs(
  share: ShareRow,
  names: { owner: string; grantee: string; namespace: string },
  cloud: { databaseGroupId: string; granteeGroupId: string; port: number },
): { groupRule: ResourceSpec; policy: ResourceSpec } {
  const short = share.id.slice(0, 8);
  const ingress = {
    tenant: names.owner,
    traffic: { protocol: "tcp", fromPort: cloud.port, toPort: cloud.port },
    source: { sourceTenant: names.grantee },
  };
  return {
    groupRule: ingressRuleSpec(
      { ...ingress, name: `enclave-${names.owner}-share-${short}`, idempotencyKey: `enclave-share-${share.id}-rule` },
      { groupId: cloud.databaseGroupId, sourceGroupId: cloud.granteeGroupId },
    ),
    policy: ingressPolicySpec(
      { ...ingress, name: `share-${short}`, idempotencyKey: `enclave-share-${share.id}-policy` },
      names.namespace,
    ),
  };
}
