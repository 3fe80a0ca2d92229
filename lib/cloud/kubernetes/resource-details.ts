import type { KubernetesObject, V1Deployment, V1Namespace, V1Service } from "@kubernetes/client-node";
import type { ResourceRef } from "../contract";
import type { KubernetesKind } from "./manifests";

export type ResourceDetails = Pick<ResourceRef, "status" | "createdAt" | "tags"> & { address?: string };

function describeWorkload(deployment: V1Deployment): string {
  const wanted = deployment.spec?.replicas ?? 1;
  if (wanted === 0) return "scaled to 0";
  return `${deployment.status?.readyReplicas ?? 0}/${wanted} ready`;
}

/** The first ingress the cloud gave the Service; none yet while the cloud is still provisioning it. */
function readLoadBalancerAddress(service: V1Service): string | undefined {
  const ingress = service.status?.loadBalancer?.ingress?.[0];
  return ingress?.hostname || ingress?.ip || undefined;
}

function describeStatus(kind: KubernetesKind, object: KubernetesObject): string | undefined {
  if (kind === "workload") return describeWorkload(object as V1Deployment);
  if (kind === "load_balancer") return readLoadBalancerAddress(object as V1Service) ? "active" : "pending";
  if (kind === "namespace") return (object as V1Namespace).status?.phase;
  return undefined;
}

// The client turns creationTimestamp into a Date; an object built by hand may still hold the string.
function readCreatedAt(object: KubernetesObject): string | undefined {
  const created: unknown = object.metadata?.creationTimestamp;
  const time = created instanceof Date ? created.getTime() : typeof created === "string" ? Date.parse(created) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** What a listing shows of an object beyond its name: its state, age and labels. */
export function describeObject(kind: KubernetesKind, object: KubernetesObject): ResourceDetails {
  const status = describeStatus(kind, object);
  const createdAt = readCreatedAt(object);
  const address = kind === "load_balancer" ? readLoadBalancerAddress(object as V1Service) : undefined;
  return {
    ...(status ? { status } : {}),
    ...(createdAt ? { createdAt } : {}),
    tags: { ...object.metadata?.labels },
    ...(address ? { address } : {}),
  };
}
