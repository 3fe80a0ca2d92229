import { noise } from "./simulated-metrics";
import type { CloudCostDay, ResourceRef } from "../contract";

const dayMs = 86_400_000;
// USD per hour, after the public on-demand prices the local cloud pretends to charge.
const hostHourly: Record<string, number> = { "t3.small": 0.0208, "t3.medium": 0.0416, "t3.large": 0.0832 };
const databaseHourly: Record<string, number> = { "db.t4g.micro": 0.016, "db.t4g.small": 0.032, "db.t4g.medium": 0.065 };
// An instance and its gp3 storage ($0.115 per GiB-month), both doubled by a Multi-AZ standby.
function databaseCost(r: ResourceRef): number {
  if (r.kind !== "database") return 0;
  const instance = databaseHourly[String(r.attributes.instanceClass)] ?? 0.032;
  const storage = (Number(r.attributes.storageGiB ?? 20) * 0.115) / 730;
  return (instance + storage) * (r.attributes.multiAz === true ? 2 : 1);
}
const prices: { service: string; hourly: (r: ResourceRef) => number }[] = [
  {
    service: "Amazon EC2",
    hourly: (r) => (r.kind === "host" ? (hostHourly[String(r.attributes.instanceType)] ?? 0.0416) : 0),
  },
  // A pod's share of the cluster's nodes, per replica.
  {
    service: "Amazon EKS",
    hourly: (r) =>
      r.kind === "workload" ? 0.012 * Number(r.attributes.replicas ?? 1) : r.kind === "namespace" ? 0.01 : 0,
  },
  { service: "Elastic Load Balancing", hourly: (r) => (r.kind === "load_balancer" ? 0.0225 : 0) },
  { service: "Amazon S3", hourly: (r) => (r.kind === "bucket" ? 0.0035 : 0) },
  { service: "Amazon RDS", hourly: databaseCost },
  { service: "AWS Key Management Service", hourly: (r) => (r.kind === "kms_key" ? 1 / 730 : 0) },
  {
    service: "Amazon CloudWatch",
    hourly: (r) => (r.kind === "workload" || r.kind === "host" || r.kind === "database" ? 0.004 : 0),
  },
  { service: "AWS Data Transfer", hourly: (r) => (r.kind === "load_balancer" ? 0.03 : 0) },
];
// Usage-priced services wander from day to day; the fixed-price ones do not.
const variable = new Set(["Amazon S3", "Amazon CloudWatch", "AWS Data Transfer", "Amazon EKS"]);

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Daily cost by service of what the tenant runs now, for the hours of each day each thing ran (until `now`). */
export function localDailyCosts(
  tenant: string,
  resources: ResourceRef[],
  from: string,
  to: string,
  now: Date,
): CloudCostDay[] {
  const rows: CloudCostDay[] = [];
  for (
    let day = Date.parse(`${from}T00:00:00Z`);
    day < Date.parse(`${to}T00:00:00Z`) && day < now.getTime();
    day += dayMs
  ) {
    const byService = new Map<string, number>();
    for (const resource of resources) {
      const start = Math.max(day, Date.parse(resource.createdAt ?? isoDay(day)));
      const hours = Math.max(0, Math.min(day + dayMs, now.getTime()) - start) / 3_600_000;
      if (hours === 0) continue;
      for (const { service, hourly } of prices) {
        const amount = hourly(resource) * hours;
        if (amount > 0) byService.set(service, (byService.get(service) ?? 0) + amount);
      }
    }
    for (const [service, amount] of byService) {
      const wander = variable.has(service) ? 0.85 + 0.3 * noise(tenant, service, isoDay(day)) : 1;
      rows.push({ day: isoDay(day), service, amount: Math.round(amount * wander * 10_000) / 10_000 });
    }
  }
  return rows;
}
