import type {
  KubernetesObject,
  V1Namespace,
  V1ResourceQuota,
  V1RoleBinding,
  V1ServiceAccount,
} from "@kubernetes/client-node";
import { PermanentCloudError, type ResourceSpec } from "../contract";
import { buildLoadBalancerService } from "./load-balancers";
import { buildMetadata } from "./metadata";
import { buildNetworkPolicy } from "./network-policies";
import { buildServiceAccountName, readAccessLevel, type Placement } from "./placement";
import { buildDeployment } from "./workloads";

function buildNamespace(spec: ResourceSpec, placement: Placement): V1Namespace {
  return { apiVersion: "v1", kind: "Namespace", metadata: buildMetadata(spec, placement) };
}

function buildServiceAccount(spec: ResourceSpec, placement: Placement): V1ServiceAccount {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: buildMetadata(spec, placement) };
}

const clusterRoles = { read: "view", write: "edit" } as const;

/**
 * Binds refs.serviceAccount (or `<tenant>-<access>`) to the built-in "view" or "edit" ClusterRole
 * inside the tenant's namespace; attributes.clusterRole may pick one of those two and nothing else.
 */
function buildRoleBinding(spec: ResourceSpec, placement: Placement): V1RoleBinding {
  const requested = spec.attributes?.clusterRole;
  if (requested !== undefined && requested !== "view" && requested !== "edit") {
    throw new PermanentCloudError(
      `Role binding ${spec.name}: only the view and edit roles are granted to tenants, not ${String(requested)}.`,
    );
  }
  const clusterRole = requested ?? clusterRoles[readAccessLevel(spec)];
  const serviceAccount =
    spec.refs?.serviceAccount ?? buildServiceAccountName(spec.tenant, clusterRole === "edit" ? "write" : "read");
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: buildMetadata(spec, placement),
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: clusterRole },
    subjects: [{ kind: "ServiceAccount", name: serviceAccount, namespace: placement.namespace ?? spec.tenant }],
  };
}

/** attributes.hard (or the attributes themselves): {"requests.cpu": "4", "pods": 20, …}. */
function buildResourceQuota(spec: ResourceSpec, placement: Placement): V1ResourceQuota {
  const given = spec.attributes?.hard ?? spec.attributes ?? {};
  const hard: Record<string, string> = {};
  for (const [key, value] of Object.entries(given as Record<string, unknown>)) {
    if (typeof value === "string" || typeof value === "number") hard[key] = String(value);
  }
  if (Object.keys(hard).length === 0) throw new PermanentCloudError(`Resource quota ${spec.name} has no limits.`);
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: buildMetadata(spec, placement), spec: { hard } };
}

const builders = {
  namespace: buildNamespace,
  service_account: buildServiceAccount,
  role_binding: buildRoleBinding,
  network_policy: buildNetworkPolicy,
  resource_quota: buildResourceQuota,
  workload: buildDeployment,
  load_balancer: buildLoadBalancerService,
} satisfies Record<string, (spec: ResourceSpec, placement: Placement) => KubernetesObject>;

export type KubernetesKind = keyof typeof builders;

export function isKubernetesKind(kind: string): kind is KubernetesKind {
  return Object.hasOwn(builders, kind);
}

export function buildManifest(spec: ResourceSpec & { kind: KubernetesKind }, placement: Placement): KubernetesObject {
  return builders[spec.kind](spec, placement);
}
