import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { PageHeader } from "@/components/page-header";
import { CloudNotice } from "@/components/cloud-notice";
import { hasSimulatedTelemetry } from "@/lib/telemetry/tenant-telemetry";
import { loadFirstCharts } from "./first-charts";
import { MetricsDashboard } from "./metrics-client";
import { tenantTitle } from "@/lib/tenants/tenant-page-title";
import { selectionFromParams } from "./metrics-selection";

export const generateMetadata = tenantTitle("Metrics");

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TenantMetricsPage({ params, searchParams }: Props) {
  const { tenant } = await authorizePage("/t/[tenant]/metrics", (await params).tenant);
  const selection = selectionFromParams(await searchParams);
  const { sources, initial, notice } = await loadFirstCharts(await getDb(), tenant, selection);
  return (
    <>
      <PageHeader
        title="Metrics"
        description={`CPU, memory, network and request rates of ${tenant.name}, for the tenant as a whole or one resource.`}
      />
      <CloudNotice notice={notice} />
      <MetricsDashboard
        tenant={tenant.name}
        local={hasSimulatedTelemetry(tenant)}
        sources={sources}
        initial={initial}
      />
    </>
  );
}
