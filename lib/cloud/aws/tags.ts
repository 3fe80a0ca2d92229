import type { ResourceType, Tag as Ec2Tag } from "@aws-sdk/client-ec2";
import { GetResourcesCommand, type ResourceTagMapping } from "@aws-sdk/client-resource-groups-tagging-api";
import { ForeignResourceError, tenantTagKey, type ResourceKind, type ResourceSpec } from "../contract";
import type { AwsContext } from "./clients";

/** Cluster-autoscaler reads node labels from this tag; the kubelet gets the label itself from user data. */
export const nodeLabelTagKey = "k8s.io/cluster-autoscaler/node-template/label/enclave.io/tenant";

interface KeyValue {
  Key?: string;
  Value?: string;
}

export function buildTenantTags(spec: ResourceSpec): { Key: string; Value: string }[] {
  return [
    { Key: tenantTagKey, Value: spec.tenant },
    { Key: "Name", Value: spec.name },
  ];
}

export function buildTagSpecifications(spec: ResourceSpec, ...types: ResourceType[]) {
  return types.map((ResourceType) => ({ ResourceType, Tags: buildTenantTags(spec) as Ec2Tag[] }));
}

export function buildKmsTags(spec: ResourceSpec) {
  return buildTenantTags(spec).map(({ Key, Value }) => ({ TagKey: Key, TagValue: Value }));
}

export function toTagRecord(tags: readonly KeyValue[] | undefined): Record<string, string> {
  return Object.fromEntries(
    (tags ?? []).filter((tag) => tag.Key !== undefined).map((tag) => [tag.Key!, tag.Value ?? ""]),
  );
}

export function readTag(tags: readonly KeyValue[] | undefined, key: string): string | null {
  return tags?.find((tag) => tag.Key === key)?.Value ?? null;
}

/** The heart of "adopt if ours, refuse if not": returns quietly only for the spec's own tenant. */
export function assertTenantOwns(
  spec: ResourceSpec,
  tags: readonly KeyValue[] | undefined,
  kind: ResourceKind = spec.kind,
): void {
  const owner = readTag(tags, tenantTagKey);
  if (owner !== spec.tenant) throw new ForeignResourceError(kind, spec.name, owner);
}

/** What the tagging API lists under the tenant's tag (of the given types, else of any), following every page. */
export async function listTenantTagMappings(
  { clients }: AwsContext,
  tenant: string,
  resourceTypes?: string[],
): Promise<ResourceTagMapping[]> {
  const mappings: ResourceTagMapping[] = [];
  let PaginationToken: string | undefined;
  do {
    const page = await clients.tagging.send(
      new GetResourcesCommand({
        ...(resourceTypes ? { ResourceTypeFilters: resourceTypes } : {}),
        TagFilters: [{ Key: tenantTagKey, Values: [tenant] }],
        PaginationToken,
      }),
    );
    mappings.push(...(page.ResourceTagMappingList ?? []));
    PaginationToken = page.PaginationToken || undefined;
  } while (PaginationToken);
  return mappings;
}

/** On a database's subnet group, security group and its rule: the instance they belong to (its removal removes them). */
export const databaseTagKey = "enclave:database";
