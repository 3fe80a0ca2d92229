import { awsKinds, kubernetesKinds, type CloudDriver, type ResourceKind } from "./contract";

/**
 * An AWS infrastructure is two clouds: the account (groups, IAM, KMS, keys, hosts, buckets) and
 * its EKS cluster (namespace and what lives in it). Each kind goes to the cloud that has it.
 * Logs come from CloudWatch when there is an account (where EKS ships its containers' logs), else
 * from the pods themselves; metrics, costs and alarms only from the account.
 */
export function combineDrivers(aws: CloudDriver | null, kubernetes: CloudDriver): CloudDriver {
  const route = (kind: ResourceKind) =>
    awsKinds.includes(kind) ? aws : kubernetesKinds.includes(kind) ? kubernetes : null;
  const pick = (kind: ResourceKind) => {
    const driver = route(kind);
    if (!driver) throw new Error(`No cloud of this infrastructure holds ${kind}.`);
    return driver;
  };
  const logs = aws?.readLogs ? aws : kubernetes;
  return {
    supports: (kind) => route(kind) !== null,
    readLogs: logs.readLogs ? (tenant, query) => logs.readLogs!(tenant, query) : undefined,
    readMetrics: aws?.readMetrics ? (tenant, query) => aws.readMetrics!(tenant, query) : undefined,
    readDailyCosts: aws?.readDailyCosts ? (tenant, from, to) => aws.readDailyCosts!(tenant, from, to) : undefined,
    listAlarms: aws?.listAlarms ? (tenant) => aws.listAlarms!(tenant) : undefined,
    ensure: (spec) => pick(spec.kind).ensure(spec),
    remove: (ref) => pick(ref.kind).remove(ref),
    async listTenantResources(tenant) {
      const lists = await Promise.all([aws?.listTenantResources(tenant) ?? [], kubernetes.listTenantResources(tenant)]);
      return lists.flat();
    },
    async checkConnectivity() {
      const checks = await Promise.all([aws?.checkConnectivity(), kubernetes.checkConnectivity()]);
      const done = checks.filter((c): c is { ok: boolean; detail: string } => c !== undefined);
      return { ok: done.every((c) => c.ok), detail: done.map((c) => c.detail).join("; ") };
    },
  };
}
