import Link from "next/link";
import { getDb } from "@/db";
import type { TenantSummary } from "@/lib/context/find-tenant";
import { metricRanges } from "@/lib/telemetry/metric-input";
import { hasSimulatedTelemetry, searchTenantLogs, withCloudNotice } from "@/lib/telemetry/tenant-telemetry";
import { CloudNotice } from "@/components/cloud-notice";
import { EmptyState } from "@/components/empty-state";
import { loadFirstCharts } from "../../../metrics/first-charts";
import { metricsOf, panelsFor, type PanelScope } from "../../../metrics/metric-panels";
import { MetricsDashboard } from "../../../metrics/metrics-client";
import { LogTable } from "../../../logs/log-table";

const recentLines = 20;

type Props = { tenant: TenantSummary; resource: string; kind: Exclude<PanelScope, "tenant"> };

/** One resource's own charts (those of its kind) and its latest log lines, from the same sources as the tenant's pages. */
export async function ResourceTelemetry({ tenant, resource, kind }: Props) {
  const db = await getDb();
  const to = new Date();
  const from = new Date(to.getTime() - metricRanges["24h"]);
  const [charts, logs] = await Promise.all([
    loadFirstCharts(db, tenant, { range: "24h", resource }, metricsOf(panelsFor(kind))),
    withCloudNotice(searchTenantLogs(db, tenant, { from, to, resource, limit: recentLines }), {
      lines: [],
      nextCursor: null,
    }),
  ]);
  const logsHref = `/t/${tenant.name}/logs?${new URLSearchParams({ resource, range: "24h" })}`;
  return (
    <>
      <h2 className="mb-3 text-lg font-semibold">Metrics</h2>
      <CloudNotice notice={charts.notice} />
      <MetricsDashboard
        tenant={tenant.name}
        local={hasSimulatedTelemetry(tenant)}
        sources={charts.sources}
        resource={resource}
        kind={kind}
        initial={charts.initial}
      />
      <div className="mt-8 mb-3 flex items-baseline justify-between">
        <h2 className="text-lg font-semibold">Latest logs</h2>
        <Link className="text-sm text-sky-700 hover:underline" href={logsHref}>
          All of {resource}&apos;s logs →
        </Link>
      </div>
      <CloudNotice notice={logs.notice} />
      {logs.value.lines.length ? (
        <LogTable lines={logs.value.lines} />
      ) : (
        <EmptyState title="No log lines in the last 24 hours">
          New lines appear here as {resource} writes them.
        </EmptyState>
      )}
    </>
  );
}
