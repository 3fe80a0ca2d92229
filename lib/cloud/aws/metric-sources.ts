import { tenantTagKey } from "../contract";
import type { AwsContext } from "./clients";
import { listTenantTagMappings, readTag } from "./tags";

export type MetricResourceType = "ec2:instance" | "elasticloadbalancing:loadbalancer" | "rds:db";
/** A resource as CloudWatch names it (its dimension value), what type it is, and every name a query may use for it. */
export type MetricSource = { type: MetricResourceType; dimension: string; names: string[] };

/** The tenant's resources of the given types, found by the tenant tag alone, never by name. */
export async function listMetricSources(
  context: AwsContext,
  tenant: string,
  types: MetricResourceType[],
): Promise<MetricSource[]> {
  const sources: MetricSource[] = [];
  for (const { ResourceARN, Tags } of await listTenantTagMappings(context, tenant, types)) {
    if (readTag(Tags, tenantTagKey) !== tenant) continue;
    const source = ResourceARN ? toMetricSource(ResourceARN, readTag(Tags, "Name")) : null;
    if (source && types.includes(source.type)) sources.push(source);
  }
  return sources;
}

// Instances: ...:instance/i-0abc → InstanceId i-0abc. Application load balancers:
// ...:loadbalancer/app/web/50dc6c49 → LoadBalancer app/web/50dc6c49 (network and classic ones have no request metrics).
// RDS instances: ...:db:enclave-acme-orders → DBInstanceIdentifier enclave-acme-orders.
function toMetricSource(arn: string, nameTag: string | null): MetricSource | null {
  const names = nameTag ? [nameTag, arn] : [arn];
  const instance = /:instance\/(i-[0-9a-f]+)$/.exec(arn);
  if (instance) return { type: "ec2:instance", dimension: instance[1]!, names: [instance[1]!, ...names] };
  const balancer = /:loadbalancer\/(app\/([^/]+)\/[^/]+)$/.exec(arn);
  if (balancer)
    return {
      type: "elasticloadbalancing:loadbalancer",
      dimension: balancer[1]!,
      names: [balancer[1]!, balancer[2]!, ...names],
    };
  const database = /^arn:[^:]+:rds:[^:]*:[^:]*:db:([A-Za-z0-9-]+)$/.exec(arn);
  if (database) return { type: "rds:db", dimension: database[1]!, names: [database[1]!, ...names] };
  return null;
}
