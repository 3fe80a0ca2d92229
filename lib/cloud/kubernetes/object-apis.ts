import type {
  KubernetesObject,
  V1Deployment,
  V1Namespace,
  V1NetworkPolicy,
  V1ResourceQuota,
  V1RoleBinding,
  V1Service,
  V1ServiceAccount,
} from "@kubernetes/client-node";
import type { KubernetesApis } from "./client";
import type { KubernetesKind } from "./manifests";

/** The four calls the driver makes, the same shape for every kind (namespace ignores `namespace`); replace where an ensure updates. */
export interface ObjectApi {
  create(namespace: string, body: KubernetesObject): Promise<KubernetesObject>;
  replace?(namespace: string, name: string, body: KubernetesObject): Promise<KubernetesObject>;
  read(namespace: string, name: string): Promise<KubernetesObject>;
  remove(namespace: string, name: string): Promise<unknown>;
  list(namespace: string, labelSelector: string): Promise<KubernetesObject[]>;
}

export function createObjectApis({ core, apps, rbac, networking }: KubernetesApis): Record<KubernetesKind, ObjectApi> {
  return {
    namespace: {
      create: (_, body) => core.createNamespace({ body: body as V1Namespace }),
      read: (_, name) => core.readNamespace({ name }),
      remove: (_, name) => core.deleteNamespace({ name }),
      list: async (_, labelSelector) => (await core.listNamespace({ labelSelector })).items,
    },
    service_account: {
      create: (namespace, body) => core.createNamespacedServiceAccount({ namespace, body: body as V1ServiceAccount }),
      read: (namespace, name) => core.readNamespacedServiceAccount({ namespace, name }),
      remove: (namespace, name) => core.deleteNamespacedServiceAccount({ namespace, name }),
      list: async (namespace, labelSelector) =>
        (await core.listNamespacedServiceAccount({ namespace, labelSelector })).items,
    },
    role_binding: {
      create: (namespace, body) => rbac.createNamespacedRoleBinding({ namespace, body: body as V1RoleBinding }),
      read: (namespace, name) => rbac.readNamespacedRoleBinding({ namespace, name }),
      remove: (namespace, name) => rbac.deleteNamespacedRoleBinding({ namespace, name }),
      list: async (namespace, labelSelector) =>
        (await rbac.listNamespacedRoleBinding({ namespace, labelSelector })).items,
    },
    network_policy: {
      create: (namespace, body) =>
        networking.createNamespacedNetworkPolicy({ namespace, body: body as V1NetworkPolicy }),
      read: (namespace, name) => networking.readNamespacedNetworkPolicy({ namespace, name }),
      remove: (namespace, name) => networking.deleteNamespacedNetworkPolicy({ namespace, name }),
      list: async (namespace, labelSelector) =>
        (await networking.listNamespacedNetworkPolicy({ namespace, labelSelector })).items,
    },
    resource_quota: {
      create: (namespace, body) => core.createNamespacedResourceQuota({ namespace, body: body as V1ResourceQuota }),
      read: (namespace, name) => core.readNamespacedResourceQuota({ namespace, name }),
      replace: (namespace, name, body) =>
        core.replaceNamespacedResourceQuota({ namespace, name, body: body as V1ResourceQuota }),
      remove: (namespace, name) => core.deleteNamespacedResourceQuota({ namespace, name }),
      list: async (namespace, labelSelector) =>
        (await core.listNamespacedResourceQuota({ namespace, labelSelector })).items,
    },
    workload: {
      create: (namespace, body) => apps.createNamespacedDeployment({ namespace, body: body as V1Deployment }),
      read: (namespace, name) => apps.readNamespacedDeployment({ namespace, name }),
      // Background: the ReplicaSets and pods go too, without making the caller wait for them.
      remove: (namespace, name) =>
        apps.deleteNamespacedDeployment({ namespace, name, propagationPolicy: "Background" }),
      list: async (namespace, labelSelector) =>
        (await apps.listNamespacedDeployment({ namespace, labelSelector })).items,
    },
    load_balancer: {
      create: (namespace, body) => core.createNamespacedService({ namespace, body: body as V1Service }),
      read: (namespace, name) => core.readNamespacedService({ namespace, name }),
      remove: (namespace, name) => core.deleteNamespacedService({ namespace, name }),
      list: async (namespace, labelSelector) => (await core.listNamespacedService({ namespace, labelSelector })).items,
    },
  };
}
