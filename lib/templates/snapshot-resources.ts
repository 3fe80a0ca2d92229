import type { ResourceRef } from "@/lib/cloud/contract";
import { databaseSizes } from "@/lib/resources/database-options";
import { hostSizes } from "@/lib/resources/resource-input";
import { bucketCloudName, toTenantResources, type TenantResource } from "@/lib/resources/resource-kinds";

type Attributes = Record<string, unknown>;
const sizeOf = (instanceType: unknown) =>
  (Object.keys(hostSizes) as (keyof typeof hostSizes)[]).find((size) => hostSizes[size] === instanceType) ?? "small";

const databaseSizeOf = (instanceClass: unknown) =>
  (Object.keys(databaseSizes) as (keyof typeof databaseSizes)[]).find(
    (size) => databaseSizes[size].instanceClass === instanceClass,
  ) ?? "small";

function describeDatabase(resource: TenantResource, name: string) {
  const { engine, engineVersion, instanceClass, storageGiB, multiAz } = (resource.attributes ?? {}) as Attributes;
  return { kind: "database", name, engine, engineVersion, size: databaseSizeOf(instanceClass), storageGiB, multiAz };
}

function describeService(resource: TenantResource, all: TenantResource[]) {
  const { image, replicas, port } = (resource.attributes ?? {}) as Attributes;
  const expose = all.some((r) => r.kind === "load-balancer" && r.name === resource.name);
  return {
    kind: "service",
    name: resource.name,
    image,
    replicas: replicas ?? 1,
    ...(port !== undefined ? { port } : {}),
    expose,
  };
}

/**
 * The resources a tenant's users made, as a template lists them (before the template's schema
 * checks them): a load balancer is its service's `expose`, a bucket or database loses the tenant's prefix.
 */
export function describeTenantResources(tenant: string, refs: Omit<ResourceRef, "tenant">[]): { name: string }[] {
  const all = toTenantResources(refs);
  const bucketPrefix = bucketCloudName(tenant, "");
  const shortName = (name: string) => (name.startsWith(bucketPrefix) ? name.slice(bucketPrefix.length) : name);
  const described = all.flatMap((resource): ({ kind: string; name: string } & Record<string, unknown>)[] => {
    if (resource.kind === "service") return [describeService(resource, all)];
    if (resource.kind === "host")
      return [{ kind: "host", name: resource.name, size: sizeOf(resource.attributes?.instanceType) }];
    if (resource.kind === "bucket") return [{ kind: "bucket", name: shortName(resource.name) }];
    if (resource.kind === "database") return [describeDatabase(resource, shortName(resource.name))];
    return [];
  });
  return described.sort((a, b) => a.name.localeCompare(b.name));
}
