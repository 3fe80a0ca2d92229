import type { V1Service } from "@kubernetes/client-node";
import { PermanentCloudError, type ResourceSpec } from "../contract";
import { buildMetadata } from "./metadata";
import type { Placement } from "./placement";
import { buildPodLabels } from "./workloads";

function readPort(spec: ResourceSpec, key: string): number | undefined {
  const value = spec.attributes?.[key];
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new PermanentCloudError(`Load balancer ${spec.name}: ${key} ${String(value)} is not a port number.`);
  return port;
}

/** A named container port ("http") is a valid target too; anything else must be a port number. */
function readTargetPort(spec: ResourceSpec, port: number): number | string {
  const value = spec.attributes?.targetPort;
  if (typeof value === "string" && /^[a-z][a-z0-9-]{0,14}$/.test(value)) return value;
  return readPort(spec, "targetPort") ?? port;
}

/**
 * A Service of type LoadBalancer in front of the pods of attributes.workload. It selects by the
 * tenant label as well as the workload's name, so it can never send traffic to another tenant's pods.
 */
export function buildLoadBalancerService(spec: ResourceSpec, placement: Placement): V1Service {
  const workload = spec.attributes?.workload;
  if (typeof workload !== "string" || workload === "")
    throw new PermanentCloudError(`Load balancer ${spec.name} needs attributes.workload.`);
  const port = readPort(spec, "port") ?? 80;
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: buildMetadata(spec, placement),
    spec: {
      type: "LoadBalancer",
      selector: buildPodLabels(workload, spec.tenant),
      ports: [{ protocol: "TCP", port, targetPort: readTargetPort(spec, port) }],
    },
  };
}
