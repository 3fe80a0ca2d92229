import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { alertListQuery } from "@/lib/alerts/alert-input";
import { alertHistories, listAlertRules, listAlerts } from "@/lib/alerts/alert-queries";
import { readAlertSummary } from "@/lib/alerts/alert-summary";
import { smtpConfigured } from "@/lib/notifications/channel-input";
import { listChannels } from "@/lib/notifications/channels";
import { tenantTelemetrySources } from "@/lib/telemetry/tenant-telemetry";
import { AlertFilters } from "@/components/alerts/alert-filters";
import { AlertTable } from "@/components/alerts/alert-table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { listHref } from "@/components/list-href";
import { serverSort } from "@/components/sort-header";
import { AlertButtons } from "./alert-buttons-client";
import { AlertRulesSection } from "./alert-rules-section";
import { ChannelsSection } from "./channels-section";
import { tenantTitle } from "@/lib/tenants/tenant-page-title";
import { LiveAlerts } from "./live-alerts-client";

export const generateMetadata = tenantTitle("Alerts");
const pageSize = 25;

type Props = {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TenantAlertsPage({ params, searchParams }: Props) {
  const { actor, tenant } = await authorizePage("/t/[tenant]/alerts", (await params).tenant);
  const filter = alertListQuery.parse(await searchParams);
  const page = filter.page;
  const db = await getDb();
  const canWrite = can(actor, "tenant:write", tenant.id);
  const [summary, list, rules, channels, sources] = await Promise.all([
    readAlertSummary(db, tenant.id),
    listAlerts(db, { tenantId: tenant.id }, filter, page, pageSize),
    listAlertRules(db, tenant.id),
    listChannels(db, tenant.id),
    tenantTelemetrySources(db, tenant),
  ]);
  const history = await alertHistories(
    db,
    list.rows.map((a) => a.id),
  );
  const href = (p: number) => listHref(`/t/${tenant.name}/alerts`, { ...filter, page: p });
  return (
    <>
      <PageHeader
        title="Alerts"
        description={`Everything wrong in ${tenant.name}: its alert rules, its cloud's alarms and its budget.`}
      />
      <LiveAlerts tenant={tenant.name} changedAt={summary.changedAt} />
      <AlertFilters
        state={filter.state ?? "unresolved"}
        severity={filter.severity ?? ""}
        sort={filter.sort}
        dir={filter.dir}
      />
      {list.rows.length === 0 ? (
        <EmptyState
          title={
            filter.state === "all" || filter.state === "resolved"
              ? "No alerts match these filters"
              : "Nothing is wrong right now"
          }
        >
          Alerts open here when a rule below is breached, the cloud raises an alarm, or the budget is crossed. Choose
          “All” to see the history.
        </EmptyState>
      ) : (
        <AlertTable
          rows={list.rows}
          history={history}
          sort={serverSort(`/t/${tenant.name}/alerts`, filter)}
          actions={canWrite ? (a) => <AlertButtons tenant={a.tenant!} alertId={a.id} state={a.state!} /> : undefined}
        />
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(list.total / pageSize)}
        pageSize={pageSize}
        total={list.total}
        shown={list.rows.length}
        href={href}
      />
      <AlertRulesSection
        tenant={tenant.name}
        rules={rules}
        resources={sources.map((s) => s.name)}
        canWrite={canWrite}
      />
      <ChannelsSection tenant={tenant.name} channels={channels} canWrite={canWrite} emailAvailable={smtpConfigured()} />
    </>
  );
}
