import { PermanentCloudError, type ResourceKind, type ResourceSpec } from "../contract";

export interface Placement {
  /** null for the namespace itself, which is cluster-scoped. */
  namespace: string | null;
  name: string;
}

export type AccessLevel = "read" | "write";

export function readAccessLevel(spec: ResourceSpec): AccessLevel {
  const access = spec.attributes?.access;
  if (access === "read" || access === "write") return access;
  throw new PermanentCloudError(
    `A ${spec.kind.replace(/_/g, " ")} needs attributes.access "read" or "write" (${spec.name}).`,
  );
}

export function buildServiceAccountName(tenant: string, access: AccessLevel): string {
  return `${tenant}-${access}`;
}

/** Namespaced objects go to refs.namespace, or to the namespace named after the tenant. */
export function placeObject(spec: ResourceSpec): Placement {
  if (spec.kind === "namespace") return { namespace: null, name: spec.name };
  const namespace = spec.refs?.namespace ?? spec.tenant;
  const name =
    spec.kind === "service_account" ? buildServiceAccountName(spec.tenant, readAccessLevel(spec)) : spec.name;
  return { namespace, name };
}

/** Ref ids are "namespace/name" (kubectl's notation), so remove() needs nothing but the ref. */
export function formatObjectId({ namespace, name }: Placement): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function parseObjectId(ref: { kind: ResourceKind; id: string; name: string; tenant: string }): Placement {
  if (ref.kind === "namespace") return { namespace: null, name: ref.id || ref.name };
  const slash = ref.id.indexOf("/");
  return slash > 0
    ? { namespace: ref.id.slice(0, slash), name: ref.id.slice(slash + 1) }
    : { namespace: ref.tenant, name: ref.id || ref.name };
}
