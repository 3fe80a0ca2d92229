import type { KubernetesObject, V1Namespace } from "@kubernetes/client-node";
import {
  ForeignResourceError,
  PermanentCloudError,
  TransientCloudError,
  tenantLabelKey,
  type CloudDriver,
  type ResourceKind,
  type ResourceRef,
} from "../contract";
import type { KubernetesDriverOptions } from "./client";
import { createLazyConnection } from "./connection";
import { readHttpStatus, toCloudError } from "./errors";
import { buildManifest, isKubernetesKind, type KubernetesKind } from "./manifests";
import { readOwner } from "./metadata";
import type { ObjectApi } from "./object-apis";
import { formatObjectId, parseObjectId, placeObject, type Placement } from "./placement";
import { readTenantPodLogs } from "./pod-logs";
import { describeObject } from "./resource-details";

const namespacedKinds: KubernetesKind[] = [
  "service_account",
  "role_binding",
  "network_policy",
  "resource_quota",
  "workload",
  "load_balancer",
];

function requireKind(kind: ResourceKind): KubernetesKind {
  if (!isKubernetesKind(kind))
    throw new PermanentCloudError(`The Kubernetes driver does not manage ${kind.replace(/_/g, " ")}s.`);
  return kind;
}

function toRef(kind: KubernetesKind, placement: Placement, object: KubernetesObject): ResourceRef {
  const { address, ...details } = describeObject(kind, object);
  const attributes = {
    uid: object.metadata?.uid,
    namespace: placement.namespace ?? undefined,
    ...(address ? { address } : {}),
  };
  return {
    kind,
    name: placement.name,
    id: formatObjectId(placement),
    tenant: readOwner(object),
    attributes,
    ...details,
  };
}

/** A kind whose ensure updates (a quota's new limits) replaces the object's spec when it differs; the rest are adopted as they are. */
async function updateSpec(api: ObjectApi, namespace: string, existing: KubernetesObject, wanted: KubernetesObject) {
  const spec = (o: KubernetesObject) => (o as { spec?: { hard?: Record<string, string> } }).spec;
  const same = JSON.stringify(spec(existing)?.hard ?? {}) === JSON.stringify(spec(wanted)?.hard ?? {});
  if (!api.replace || same) return existing;
  return api
    .replace(namespace, existing.metadata!.name!, { ...existing, spec: spec(wanted) } as KubernetesObject)
    .catch((error: unknown) => Promise.reject(toCloudError(error)));
}

export function createKubernetesDriver(options: KubernetesDriverOptions = {}): CloudDriver {
  const connect = createLazyConnection(options);

  return {
    async ensure(spec) {
      const kind = requireKind(spec.kind);
      const placement = placeObject(spec);
      const body = buildManifest({ ...spec, kind }, placement);
      const api = (await connect()).objects[kind];
      const namespace = placement.namespace ?? "";
      try {
        return toRef(kind, placement, await api.create(namespace, body));
      } catch (error) {
        if (readHttpStatus(error) !== 409) throw toCloudError(error);
      }
      const existing = await api
        .read(namespace, placement.name)
        .catch((error: unknown) => Promise.reject(toCloudError(error)));
      const owner = readOwner(existing);
      if (owner !== spec.tenant) throw new ForeignResourceError(kind, formatObjectId(placement), owner);
      // A tenant provisioned again right after its deletion: wait until the old namespace is gone.
      if ((existing as V1Namespace).status?.phase === "Terminating")
        throw new TransientCloudError(`Namespace ${placement.name} is still being deleted.`);
      const updated = await updateSpec(api, namespace, existing, body);
      return toRef(kind, placement, updated);
    },
    async remove(ref) {
      const placement = parseObjectId(ref);
      try {
        await (await connect()).objects[requireKind(ref.kind)].remove(placement.namespace ?? "", placement.name);
      } catch (error) {
        if (readHttpStatus(error) !== 404) throw toCloudError(error);
      }
    },
    async listTenantResources(tenant) {
      const { objects } = await connect();
      const labelSelector = `${tenantLabelKey}=${tenant}`;
      try {
        const refs: ResourceRef[] = [];
        for (const namespace of await objects.namespace.list("", labelSelector)) {
          const namespaceName = namespace.metadata?.name ?? "";
          refs.push(toRef("namespace", { namespace: null, name: namespaceName }, namespace));
          for (const kind of namespacedKinds) {
            for (const object of await objects[kind].list(namespaceName, labelSelector)) {
              refs.push(toRef(kind, { namespace: namespaceName, name: object.metadata?.name ?? "" }, object));
            }
          }
        }
        return refs;
      } catch (error) {
        throw toCloudError(error);
      }
    },
    async readLogs(tenant, query) {
      try {
        return await readTenantPodLogs((await connect()).core, tenant, query);
      } catch (error) {
        throw toCloudError(error);
      }
    },
    async checkConnectivity() {
      try {
        const version = await (await connect()).version.getCode();
        return { ok: true, detail: `Kubernetes ${version.gitVersion}` };
      } catch (error) {
        return { ok: false, detail: toCloudError(error).message };
      }
    },
  };
}
