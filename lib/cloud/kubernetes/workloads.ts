import type { V1Deployment } from "@kubernetes/client-node";
import { PermanentCloudError, tenantLabelKey, type ResourceSpec } from "../contract";
import { appNameLabelKey, buildMetadata } from "./metadata";
import type { Placement } from "./placement";

/** The labels of a workload's pods: what its Deployment and any load balancer in front of it select. */
export function buildPodLabels(workload: string, tenant: string): Record<string, string> {
  return { [appNameLabelKey]: workload, [tenantLabelKey]: tenant };
}

/** The tenant's nodeSelector keeps its pods on its own nodes, even in a shared cluster. */
export function buildDeployment(spec: ResourceSpec, placement: Placement): V1Deployment {
  const image = spec.attributes?.image;
  if (typeof image !== "string" || image === "")
    throw new PermanentCloudError(`Workload ${spec.name} needs attributes.image.`);
  const replicas = Number(spec.attributes?.replicas ?? 1);
  const port = Number(spec.attributes?.port);
  const podLabels = buildPodLabels(spec.name, spec.tenant);
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: buildMetadata(spec, placement),
    spec: {
      replicas: Number.isInteger(replicas) && replicas >= 0 ? replicas : 1,
      selector: { matchLabels: podLabels },
      template: {
        metadata: { labels: podLabels },
        spec: {
          nodeSelector: { [tenantLabelKey]: spec.tenant },
          containers: [
            {
              name: spec.name,
              image,
              ...(Number.isInteger(port) && port > 0 ? { ports: [{ containerPort: port }] } : {}),
            },
          ],
        },
      },
    },
  };
}
