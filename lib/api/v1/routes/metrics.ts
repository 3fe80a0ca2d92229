import { toMetricsQuery } from "@/lib/telemetry/metric-input";
import { queryTenantMetrics } from "@/lib/telemetry/tenant-telemetry";
import { defineApiRoute } from "../define-route";
import { metricSeries, metricsQuery } from "../schemas/metrics";

export const getMetrics = defineApiRoute({
  operation: "GET /api/v1/tenants/[tenant]/metrics",
  tag: "Telemetry",
  summary: "Read a metric series",
  description:
    "From the tenant's cloud (CloudWatch, or the local cloud), one value per bucket: a mean, or a sum for counts.",
  query: metricsQuery,
  response: metricSeries,
  errors: [502],
  async handle({ db, tenant }, { query }) {
    const result = await queryTenantMetrics(db, tenant, toMetricsQuery(query, new Date()));
    return {
      ...result,
      series: result.series.map(({ resource, points }) => ({
        resource,
        points: points.map(([at, value]) => ({ at, value })),
      })),
    };
  },
});
