import type { ResourceRequest } from "@/db/schema";
import type { ResourceKind, ResourceRef } from "@/lib/cloud/contract";

/** What a tenant's user sees and manages, by the URL slug it goes by, and the cloud kind behind it. */
export const userKinds = {
  service: { cloudKind: "workload", title: "Services", singular: "service", manageable: true },
  "load-balancer": {
    cloudKind: "load_balancer",
    title: "Load balancers",
    singular: "load balancer",
    manageable: false,
  },
  host: { cloudKind: "host", title: "Hosts", singular: "host", manageable: true },
  bucket: { cloudKind: "bucket", title: "Storage buckets", singular: "bucket", manageable: true },
  database: { cloudKind: "database", title: "Databases", singular: "database", manageable: true },
} as const satisfies Record<string, { cloudKind: ResourceKind; title: string; singular: string; manageable: boolean }>;
export type UserKind = keyof typeof userKinds;
export type ManageableKind = ResourceRequest["kind"];

export const isUserKind = (slug: string): slug is UserKind => Object.hasOwn(userKinds, slug);
export const userKindOf = (kind: ResourceKind): UserKind | null =>
  (Object.keys(userKinds) as UserKind[]).find((k) => userKinds[k].cloudKind === kind) ?? null;

export type TenantResource = Omit<ResourceRef, "kind" | "tenant"> & { kind: UserKind };

/** The resources a tenant's users work with; the plumbing provisioning made (groups, roles, keys) stays on the overview. */
export function toTenantResources(refs: Omit<ResourceRef, "tenant">[]): TenantResource[] {
  return refs
    .flatMap((ref) => {
      const kind = userKindOf(ref.kind);
      return kind ? [{ ...ref, kind }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The cloud name of a bucket: S3 names are global, so the tenant's prefix keeps them apart. */
export const bucketCloudName = (tenant: string, name: string) => `enclave-${tenant}-${name}`;
/** The RDS instance identifier of a database: unique per account and region, so prefixed like a bucket. */
export const databaseCloudName = bucketCloudName;
