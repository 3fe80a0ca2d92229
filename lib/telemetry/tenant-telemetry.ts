import type { Db } from "@/db/client";
import { driverForInfrastructureId } from "@/lib/cloud";
import { PermanentCloudError, type CloudDriver, type CloudLogLine } from "@/lib/cloud/driver";
import { listTenantCloud } from "@/lib/cloud/list-with-timeout";
import { InvalidCursorError, searchLogs, type LogLineView, type LogSearch } from "./log-queries";
import { bucketsFor, queryMetrics, type MetricsQuery, type MetricsResult } from "./metric-queries";
import { metricUnits } from "./metric-shape";
import { telemetrySources, type TelemetrySource } from "./sources";

/** Where a tenant's telemetry lives: the portal's database for the local cloud, the cloud's own services otherwise. */
export type TelemetryTenant = { id: string; name: string; driver: string; infrastructureId: string };

/** The cloud could not be asked; the message says so in words a person can act on. */
export class CloudTelemetryError extends Error {}

const isLocal = (tenant: TelemetryTenant) => tenant.driver === "local";

async function askCloud<T>(
  db: Db,
  tenant: TelemetryTenant,
  what: string,
  ask: (driver: CloudDriver) => Promise<T> | undefined,
  none: T,
): Promise<T> {
  try {
    return (await ask(await driverForInfrastructureId(db, tenant.infrastructureId))) ?? none;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PermanentCloudError && message.startsWith("cursor:")) throw new InvalidCursorError(message);
    throw new CloudTelemetryError(`The cloud's ${what} could not be read: ${message}`);
  }
}

// Cloud lines have no row id; this one is unique within a page, ordered by time, and safe as a number.
export const cloudLineId = (line: CloudLogLine, index: number) => Date.parse(line.at) * 1000 + (index % 1000);

export async function searchTenantLogs(
  db: Db,
  tenant: TelemetryTenant,
  search: LogSearch,
): Promise<{ lines: LogLineView[]; nextCursor: string | null }> {
  if (isLocal(tenant)) return searchLogs(db, tenant.id, search);
  const page = await askCloud(db, tenant, "logs", (d) => d.readLogs?.(tenant.name, search), {
    lines: [],
    nextCursor: null,
  });
  return { lines: page.lines.map((line, i) => ({ id: cloudLineId(line, i), ...line })), nextCursor: page.nextCursor };
}

export async function queryTenantMetrics(db: Db, tenant: TelemetryTenant, query: MetricsQuery): Promise<MetricsResult> {
  if (isLocal(tenant)) return queryMetrics(db, tenant.id, query);
  const { bucketSeconds, startSeconds } = bucketsFor(query.from, query.to, query.points);
  const window = {
    metric: query.metric,
    resource: query.resource,
    from: new Date(startSeconds * 1000),
    to: query.to,
    bucketSeconds,
  };
  const points = await askCloud(db, tenant, "metrics", (d) => d.readMetrics?.(tenant.name, window), []);
  return {
    metric: query.metric,
    unit: metricUnits[query.metric],
    bucketSeconds,
    series: [{ resource: query.resource ?? null, points }],
  };
}

/** What emits telemetry in the tenant: from the database for the local cloud, from the cloud's inventory otherwise. */
export async function tenantTelemetrySources(db: Db, tenant: TelemetryTenant): Promise<TelemetrySource[]> {
  if (isLocal(tenant)) return telemetrySources(db, tenant);
  const { resources } = await listTenantCloud(db, tenant);
  return resources
    .filter((r) => r.kind === "workload" || r.kind === "host")
    .map((r) => ({ name: r.name, kind: r.kind as TelemetrySource["kind"] }));
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
