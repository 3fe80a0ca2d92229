import type { localCloudResources } from "@/db/schema";
import { tenantTagKey, type ResourceKind, type ResourceRef } from "../contract";
import { databaseStatus } from "./databases";

type Row = typeof localCloudResources.$inferSelect;

export const toRef = (row: Row, now: Date = new Date()): ResourceRef => ({
  kind: row.kind as ResourceKind,
  name: row.name.split("/").pop()!,
  id: row.id,
  tenant: row.tenantTag,
  attributes: row.kind === "load_balancer" ? { ...row.attributes, address: localAddress(row) } : row.attributes,
  status: row.kind === "database" ? databaseStatus(row.attributes, now) : localStatus(row),
  createdAt: row.createdAt.toISOString(),
  tags: row.tenantTag ? { [tenantTagKey]: row.tenantTag } : {},
});

const localAddress = (row: Row) => `${row.name.split("/").pop()}.${row.tenantTag}.local.enclave`;

// The simulated cloud has nothing that fails to start: what exists is up.
function localStatus(row: Row): string | undefined {
  const replicas = Number(row.attributes.replicas ?? 1);
  const statuses: Partial<Record<string, string>> = {
    host: "running",
    workload: replicas === 0 ? "scaled to 0" : `${replicas}/${replicas} ready`,
    bucket: "available",
    load_balancer: "active",
    namespace: "Active",
  };
  return statuses[row.kind];
}
