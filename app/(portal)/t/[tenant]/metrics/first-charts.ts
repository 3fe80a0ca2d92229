import type { Db } from "@/db/client";
import { maxPoints } from "@/lib/telemetry/metric-queries";
import {
  queryTenantMetrics,
  tenantTelemetrySources,
  withCloudNotice,
  type TelemetryTenant,
} from "@/lib/telemetry/tenant-telemetry";
import type { CloudMetricName } from "@/lib/cloud/contract";
import { panelMetrics, type MetricsData } from "./metric-panels";
import { selectionWindow, type MetricsSelection } from "./metrics-selection";
import type { MetricsAnswer } from "./use-metrics";

/** The panels' metrics for the selection in the URL, fetched together for the first render (the tenant's or one resource's). */
export async function loadFirstCharts(
  db: Db,
  tenant: TelemetryTenant,
  selection: MetricsSelection,
  metrics: CloudMetricName[] = panelMetrics,
) {
  const window = selectionWindow(selection);
  const [from, to, resource] = [new Date(window.from), new Date(window.to), selection.resource || undefined];
  const [sources, charts] = await Promise.all([
    tenantTelemetrySources(db, tenant),
    withCloudNotice(
      Promise.all(
        metrics.map((metric) => queryTenantMetrics(db, tenant, { metric, resource, from, to, points: maxPoints })),
      ),
      [],
    ),
  ]);
  const data: MetricsData = Object.fromEntries(charts.value.map((result) => [result.metric, result]));
  const initial: MetricsAnswer = { selection, data };
  return { sources, initial, notice: charts.notice };
}
