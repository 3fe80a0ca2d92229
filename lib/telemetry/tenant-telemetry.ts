import type { Db } from "@/db/client";
import { driverForInfrastructureId } from "@/lib/cloud";
import {
  InvalidCursorError,
  type CloudDriver,
  type CloudLogLine,
  type CloudLogQuery,
  type LogLineView,
} from "@/lib/cloud/contract";
import { listTenantCloud } from "@/lib/cloud/list-with-timeout";
import { describeCloud } from "@/lib/cloud/registry";
import { UnavailableError } from "@/lib/errors";
import { bucketedWindow, metricsResult, type MetricsQuery, type MetricsResult } from "./metric-queries";
import type { TelemetrySource } from "./sources";

/** A tenant whose telemetry its infrastructure's driver reads: the cloud's own services, or the portal's tables. */
export type TelemetryTenant = { id: string; name: string; driver: string; infrastructureId: string };

/** The cloud could not be asked; the message says so in words a person can act on. */
export class CloudTelemetryError extends UnavailableError {}

/** Whether the portal simulates the tenant's logs and metrics as they happen (an empty chart then says wait a minute). */
export const hasSimulatedTelemetry = (tenant: Pick<TelemetryTenant, "driver">) =>
  describeCloud(tenant.driver)?.simulatedTelemetry ?? false;

async function askCloud<T>(
  db: Db,
  tenant: TelemetryTenant,
  what: string,
  ask: (driver: CloudDriver) => Promise<T> | undefined,
  none: T,
  driver?: Promise<CloudDriver>,
): Promise<T> {
  try {
    return (await ask(await (driver ?? driverForInfrastructureId(db, tenant.infrastructureId)))) ?? none;
  } catch (error) {
    if (error instanceof InvalidCursorError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new CloudTelemetryError(`The cloud's ${what} could not be read: ${message}`);
  }
}

// Cloud lines have no row id; this one is unique within a page, ordered by time, and safe as a number.
export const cloudLineId = (line: CloudLogLine, index: number) => Date.parse(line.at) * 1000 + (index % 1000);

export async function searchTenantLogs(
  db: Db,
  tenant: TelemetryTenant,
  search: CloudLogQuery,
): Promise<{ lines: LogLineView[]; nextCursor: string | null }> {
  const page = await askCloud(db, tenant, "logs", (d) => d.readLogs?.(tenant.name, search), {
    lines: [],
    nextCursor: null,
  });
  return {
    lines: page.lines.map((line, i) => ({ ...line, id: line.id ?? cloudLineId(line, i) })),
    nextCursor: page.nextCursor,
  };
}

/** `driver`: one already opened for the tenant's infrastructure (a monitoring tick asks for many tenants). */
export async function queryTenantMetrics(
  db: Db,
  tenant: TelemetryTenant,
  query: MetricsQuery,
  driver?: Promise<CloudDriver>,
): Promise<MetricsResult> {
  const window = bucketedWindow(query);
  const points = await askCloud(db, tenant, "metrics", (d) => d.readMetrics?.(tenant.name, window), [], driver);
  return metricsResult(query, window.bucketSeconds, points);
}

/** What emits telemetry in the tenant: its workloads, hosts and databases, as its cloud lists them, by name. */
export async function tenantTelemetrySources(db: Db, tenant: TelemetryTenant): Promise<TelemetrySource[]> {
  const { resources } = await listTenantCloud(db, tenant);
  return resources
    .filter((r) => r.kind === "workload" || r.kind === "host" || r.kind === "database")
    .map((r) => ({ name: r.name, kind: r.kind as TelemetrySource["kind"] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** For a page's first render: a cloud that cannot be read shows its message above empty charts, not an error page. */
export async function withCloudNotice<T>(work: Promise<T>, fallback: T): Promise<{ value: T; notice: string | null }> {
  try {
    return { value: await work, notice: null };
  } catch (error) {
    if (error instanceof CloudTelemetryError) return { value: fallback, notice: error.message };
    throw error;
  }
}
