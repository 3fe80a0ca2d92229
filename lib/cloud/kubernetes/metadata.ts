import type { V1ObjectMeta } from "@kubernetes/client-node";
import { tenantLabelKey, type ResourceSpec } from "../contract";
import type { Placement } from "./placement";

/** The label a workload's pods carry with its name; load balancers select by it, logs filter by it. */
export const appNameLabelKey = "app.kubernetes.io/name";

export function buildMetadata(spec: ResourceSpec, { namespace, name }: Placement): V1ObjectMeta {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    labels: { [tenantLabelKey]: spec.tenant, "app.kubernetes.io/managed-by": "enclave" },
  };
}

/** The tenant an existing object says it belongs to. */
export function readOwner(object: { metadata?: V1ObjectMeta }): string | null {
  return object.metadata?.labels?.[tenantLabelKey] ?? null;
}
