import type { Db } from "@/db/client";
import { metricRanges } from "@/lib/telemetry/metric-input";
import { maxPoints } from "@/lib/telemetry/metric-queries";
import {
  queryTenantMetrics,
  tenantTelemetrySources,
  withCloudNotice,
  type TelemetryTenant,
} from "@/lib/telemetry/tenant-telemetry";
import { panelMetrics, type MetricsData } from "./metric-panels";

/** Every panel's last 24 hours, fetched together for the first render (the tenant's or one resource's). */
export async function loadFirstCharts(db: Db, tenant: TelemetryTenant, resource?: string) {
  const to = new Date();
  const from = new Date(to.getTime() - metricRanges["24h"]);
  const [sources, charts] = await Promise.all([
    tenantTelemetrySources(db, tenant),
    withCloudNotice(
      Promise.all(
        panelMetrics.map((metric) => queryTenantMetrics(db, tenant, { metric, resource, from, to, points: maxPoints })),
      ),
      [],
    ),
  ]);
  const initial: MetricsData = Object.fromEntries(charts.value.map((result) => [result.metric, result]));
  return { sources, initial, notice: charts.notice };
}
