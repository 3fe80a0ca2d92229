import type { V1NetworkPolicy, V1NetworkPolicyPeer, V1NetworkPolicyPort } from "@kubernetes/client-node";
import { PermanentCloudError, tenantLabelKey, type ResourceSpec } from "../contract";
import { buildMetadata } from "./metadata";
import type { Placement } from "./placement";

/**
 * Without attributes.sourceTenant or attributes.cidr: the tenant's default, where pods take
 * ingress only from pods of their own namespace. With one: an inter-tenant rule letting that
 * tenant's namespaces (or that CIDR) in on attributes.protocol and fromPort..toPort.
 */
export function buildNetworkPolicy(spec: ResourceSpec, placement: Placement): V1NetworkPolicy {
  const sourceTenant = readString(spec, "sourceTenant");
  const cidr = readString(spec, "cidr");
  const from: V1NetworkPolicyPeer[] = sourceTenant
    ? [{ namespaceSelector: { matchLabels: { [tenantLabelKey]: sourceTenant } } }]
    : cidr
      ? [{ ipBlock: { cidr } }]
      : [{ podSelector: {} }];
  const ports = sourceTenant || cidr ? buildPorts(spec) : undefined;
  // The client's model calls `from` "_from" and drops a plain `from` when serializing, which
  // would silently turn the rule into "from anywhere".
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: buildMetadata(spec, placement),
    spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [{ _from: from, ...(ports ? { ports } : {}) }] },
  };
}

function readString(spec: ResourceSpec, key: string): string | undefined {
  const value = spec.attributes?.[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function readPort(spec: ResourceSpec, key: string): number | undefined {
  const value = Number(spec.attributes?.[key]);
  return spec.attributes?.[key] === undefined || !Number.isInteger(value) ? undefined : value;
}

/** No ports (all traffic) for protocol "all" / "-1"; otherwise one port or a port range. */
function buildPorts(spec: ResourceSpec): V1NetworkPolicyPort[] | undefined {
  const protocol = (readString(spec, "protocol") ?? "tcp").toUpperCase();
  if (protocol === "ALL" || protocol === "-1") return undefined;
  if (!["TCP", "UDP", "SCTP"].includes(protocol))
    throw new PermanentCloudError(`Network policy ${spec.name}: protocol ${protocol} is not TCP, UDP or SCTP.`);
  const port = readPort(spec, "fromPort") ?? readPort(spec, "port");
  const endPort = readPort(spec, "toPort");
  if (port === undefined) return [{ protocol }];
  return [{ protocol, port, ...(endPort !== undefined && endPort !== port ? { endPort } : {}) }];
}
