import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { tenants } from "@/db/schema";
import { authorizePage } from "@/lib/auth/authorize";
import { metricRanges } from "@/lib/telemetry/metric-input";
import { maxPoints, queryMetrics } from "@/lib/telemetry/metric-queries";
import { telemetrySources } from "@/lib/telemetry/sources";
import { PageHeader } from "@/components/page-header";
import { panelMetrics } from "./metric-panels";
import { MetricsDashboard } from "./metrics-client";

export const metadata = { title: "Metrics" };

export default async function TenantMetricsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await authorizePage("/t/[tenant]/metrics", (await params).tenant);
  const db = await getDb();
  const [row] = await db.select({ infrastructureId: tenants.infrastructureId }).from(tenants).where(eq(tenants.id, tenant.id));
  const to = new Date();
  const from = new Date(to.getTime() - metricRanges["24h"]);
  const [sources, ...results] = await Promise.all([
    telemetrySources(db, { name: tenant.name, infrastructureId: row!.infrastructureId }),
    ...panelMetrics.map((metric) => queryMetrics(db, tenant.id, { metric, from, to, points: maxPoints })),
  ]);
  return (
    <>
      <PageHeader title="Metrics" description={`CPU, memory, network and request rates of ${tenant.name}, for the tenant as a whole or one resource.`} />
      <MetricsDashboard tenant={tenant.name} local={tenant.driver === "local"} sources={sources} initial={Object.fromEntries(panelMetrics.map((m, i) => [m, results[i]]))} />
    </>
  );
}
