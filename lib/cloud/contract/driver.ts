// One interface for every cloud an infrastructure can be: the embedded local cloud, AWS, Kubernetes.
// The provisioning engine, the telemetry pages and the billing only ever talk to this.
import type { ResourceKind, ResourceRef, ResourceSpec } from "./resource-kinds";
import type {
  CloudAlarm,
  CloudCostDay,
  CloudLogPage,
  CloudLogQuery,
  CloudMetricQuery,
  LogFilters,
  LogLineView,
} from "./telemetry";

/** What removing a resource names; `attributes` carries per-kind options (a database's `finalSnapshot`). */
export type RemoveRef = Pick<ResourceRef, "kind" | "name" | "id"> & {
  tenant: string;
  attributes?: Record<string, unknown>;
};

/** Logs whose lines carry growing ids (a table), so a live tail follows ids instead of polling by time. */
export interface LogFollower {
  /** The newest id now: a tail that starts now follows the lines after it. */
  latestLineId(): Promise<number>;
  /** The tenant's lines after `afterId` that match the filters, oldest first. */
  linesAfter(tenant: string, afterId: number, filters: LogFilters): Promise<LogLineView[]>;
}

/** Where a cloud keeps logs and metrics: its own services (CloudWatch, the pods' logs) or the portal's database. */
export interface TelemetryReader {
  readLogs?(tenant: string, query: CloudLogQuery): Promise<CloudLogPage>;
  readMetrics?(tenant: string, query: CloudMetricQuery): Promise<[string, number][]>;
  followLogs?: LogFollower;
}

/** A cloud that bills per tenant tag and raises alarms of its own. */
export interface CostAndAlarmReader {
  /** Daily cost by service for days in [from, to) (YYYY-MM-DD), only what carries the tenant's tag. */
  readDailyCosts?(tenant: string, from: string, to: string): Promise<CloudCostDay[]>;
  /** The tenant's alarms, in whatever state. */
  listAlarms?(tenant: string): Promise<CloudAlarm[]>;
}

export interface CloudDriver extends TelemetryReader, CostAndAlarmReader {
  /** Which kinds this cloud has; a plan skips the rest (a bare cluster has no IAM). All when absent. */
  supports?(kind: ResourceKind): boolean;
  /** Creates the resource, or adopts it when it already exists with this tenant's tag. */
  ensure(spec: ResourceSpec): Promise<ResourceRef & { secret?: string }>;
  /**
   * Deletes it; a resource that is already gone counts as deleted. A kind the cloud deletes slowly
   * (a database) answers `{ waiting }` while it is still going: the caller asks again later, and the
   * call that finds it gone cleans up what it leaves behind (its subnet group, its security group).
   */
  remove(ref: RemoveRef): Promise<void | { waiting: string }>;
  /** Everything still carrying the tenant's tag or label (the final sweep of a delete). */
  listTenantResources(tenant: string): Promise<ResourceRef[]>;
  checkConnectivity(): Promise<{ ok: boolean; detail: string }>;
}
