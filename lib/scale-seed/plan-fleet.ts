import { createHash } from "node:crypto";
import type { ResourceKind, ResourceRef, ResourceSpec } from "@/lib/cloud/contract";
import { localCloudId, localDailyCosts } from "@/lib/cloud/local";
import { provisionPlan } from "@/lib/provisioning/plan";
import { demoFleet } from "@/lib/resources/demo-fleet";

export type FleetRow = { id: string; kind: ResourceKind; name: string; attributes: Record<string, unknown> };

const storedName = (spec: ResourceSpec) =>
  spec.refs?.namespace
    ? `${spec.refs.namespace}/${spec.name}`
    : spec.kind === "host"
      ? `${spec.tenant}/${spec.name}`
      : spec.name;

/**
 * What provisioning makes first (security group, role, KMS key, namespace) and the demo fleet
 * (three services, a load balancer, a host, a bucket). The key pair is left out: its private
 * key would belong in tenant_secrets. Ids derive from the names, so a re-run asks for the same rows.
 */
export function planFleet(infrastructureId: string, tenant: string): FleetRow[] {
  const groundwork = provisionPlan({ name: tenant, quota: null })
    .filter((step) => step.deps.length === 0 && step.kind !== "key_pair")
    .map((step) => step.spec({}));
  return [...groundwork, ...demoFleet(tenant)].map((spec) => {
    const name = storedName(spec);
    const hash = createHash("sha256").update(`${infrastructureId}:${spec.kind}:${name}`).digest("hex").slice(0, 16);
    return {
      id: localCloudId(spec.kind, hash),
      kind: spec.kind,
      name,
      attributes: { ...spec.attributes, ...spec.refs, idempotencyKey: spec.idempotencyKey },
    };
  });
}

/**
 * A fleet's cost per service for one whole day, by the local cloud's own price table; averaged
 * over ten days because usage-priced services wander from day to day.
 */
export function fleetDailyCost(): { service: string; amount: number; variable: boolean }[] {
  const tenant = "cost-basis";
  const refs: ResourceRef[] = planFleet("basis", tenant).map((row) => ({
    ...row,
    name: row.name.split("/").pop()!,
    tenant,
    createdAt: "2000-01-01T00:00:00Z",
  }));
  const days = localDailyCosts(tenant, refs, "2000-02-01", "2000-02-11", new Date("2000-03-01T00:00:00Z"));
  const totals = new Map<string, number[]>();
  for (const { service, amount } of days) totals.set(service, [...(totals.get(service) ?? []), amount]);
  return [...totals].map(([service, amounts]) => ({
    service,
    amount: amounts.reduce((a, b) => a + b, 0) / amounts.length,
    variable: new Set(amounts).size > 1,
  }));
}
