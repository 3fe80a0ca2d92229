import type { ResourceRef } from "@/lib/cloud/contract";
import { hostSizes } from "@/lib/resources/resource-input";
import { bucketCloudName, toTenantResources, type TenantResource } from "@/lib/resources/resource-kinds";

type Attributes = Record<string, unknown>;
const sizeOf = (instanceType: unknown) =>
  (Object.keys(hostSizes) as (keyof typeof hostSizes)[]).find((size) => hostSizes[size] === instanceType) ?? "small";

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
 * checks them): a load balancer is its service's `expose`, a bucket loses the tenant's prefix.
 */
export function describeTenantResources(tenant: string, refs: Omit<ResourceRef, "tenant">[]): { name: string }[] {
  const all = toTenantResources(refs);
  const bucketPrefix = bucketCloudName(tenant, "");
  const described = all.flatMap((resource): ({ kind: string; name: string } & Record<string, unknown>)[] => {
    if (resource.kind === "service") return [describeService(resource, all)];
    if (resource.kind === "host")
      return [{ kind: "host", name: resource.name, size: sizeOf(resource.attributes?.instanceType) }];
    if (resource.kind === "bucket")
      return [
        {
          kind: "bucket",
          name: resource.name.startsWith(bucketPrefix) ? resource.name.slice(bucketPrefix.length) : resource.name,
        },
      ];
    return [];
  });
  return described.sort((a, b) => a.name.localeCompare(b.name));
}
