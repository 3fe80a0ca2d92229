import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { logQuery, logWindow, queryObject } from "@/lib/telemetry/log-filters";
import { searchTenantLogs, tenantTelemetrySources, withCloudNotice } from "@/lib/telemetry/tenant-telemetry";
import { CloudNotice } from "@/components/cloud-notice";
import { PageHeader } from "@/components/page-header";
import { LogsView } from "./logs-client";
import { tenantTitle } from "@/lib/tenants/tenant-page-title";

export const generateMetadata = tenantTitle("Logs");
const pageSize = 100;

export default async function TenantLogsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant } = await authorizePage("/t/[tenant]/logs", (await params).tenant);
  const parsed = logQuery.safeParse(queryObject(await searchParams));
  // A hand-edited URL that does not parse shows the default view rather than an error page.
  const query = parsed.success ? parsed.data : {};
  const filters = {
    q: query.q ?? "",
    level: query.level ?? "",
    resource: query.resource ?? "",
    range: query.range ?? "1h",
  };
  const window = logWindow({ range: filters.range });
  const db = await getDb();
  const [first, sources] = await Promise.all([
    withCloudNotice(
      searchTenantLogs(db, tenant, {
        ...window,
        text: query.q,
        level: query.level,
        resource: query.resource,
        limit: pageSize,
      }),
      { lines: [], nextCursor: null },
    ),
    tenantTelemetrySources(db, tenant),
  ]);
  const resources = [...new Set(sources.map((s) => s.name))];
  return (
    <>
      <PageHeader title="Logs" description={`Every resource in ${tenant.name}, newest first.`} />
      <CloudNotice notice={first.notice} />
      <LogsView
        key={JSON.stringify(filters)}
        tenant={tenant.name}
        filters={filters}
        resources={resources}
        first={first.value}
        window={{ from: window.from.toISOString(), to: window.to.toISOString() }}
        pageSize={pageSize}
      />
    </>
  );
}
