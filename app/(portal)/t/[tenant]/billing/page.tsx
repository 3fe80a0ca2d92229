import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { billingMonth, firstBillingMonth, previousMonth } from "@/lib/billing/billing-month";
import { loadBillingView } from "@/lib/billing/billing-view";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { PageHeader } from "@/components/page-header";
import { formatUsd } from "@/components/format";
import { BillingCharts } from "./billing-charts-client";
import { BudgetForm } from "./budget-form-client";
import { ServiceCostTable } from "./service-cost-table";
import { tenantTitle } from "@/lib/tenants/tenant-page-title";

export const generateMetadata = tenantTitle("Billing");

const monthName = (month: string) =>
  new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    Date.parse(`${month}-01T00:00:00Z`),
  );

function Card({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="card p-4">
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      {note && <dd className="mt-0.5 text-xs text-slate-500">{note}</dd>}
    </div>
  );
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ month?: string }> };

export default async function TenantBillingPage({ params, searchParams }: Props) {
  const { actor, tenant } = await authorizePage("/t/[tenant]/billing", (await params).tenant);
  const since = firstBillingMonth(tenant);
  const chosen = billingMonth((await searchParams).month, since);
  const month = chosen.ok ? chosen.month : new Date().toISOString().slice(0, 7);
  const view = await loadBillingView(await getDb(), tenant.id, month, new Date().toISOString().slice(0, 10), since);
  const { summary, budget } = view;
  const change =
    summary.previousMonthToSameDay > 0
      ? Math.round(((summary.monthToDate - summary.previousMonthToSameDay) / summary.previousMonthToSameDay) * 100)
      : null;
  const used = budget ? Math.round((summary.monthToDate / budget.monthlyAmount) * 100) : null;
  const csv = `/api/t/${tenant.name}/billing/export?month=${month}`;
  return (
    <>
      <PageHeader
        title="Billing"
        description={`What ${tenant.name} costs: everything carrying its tag, by day, month and service. Amounts in USD.`}
        actions={
          <a className="btn-secondary" href={csv} download>
            Download CSV ({monthName(month)})
          </a>
        }
      />
      {!chosen.ok && (
        <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {chosen.error} Showing this month.
        </p>
      )}
      <dl className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Card
          label="Month to date"
          value={formatUsd(summary.monthToDate)}
          note={change === null ? undefined : `${change >= 0 ? "+" : ""}${change}% on the same days last month`}
        />
        <Card label="Forecast to month end" value={formatUsd(summary.forecast)} note="From the last 7 days' average" />
        <Card label="Previous month" value={formatUsd(summary.previousMonth)} />
        <Card
          label="Budget"
          value={budget ? formatUsd(budget.monthlyAmount) : "None"}
          note={budget ? `${used}% used · warns at ${budget.thresholds.join(", ")}%` : "Set one below to be warned"}
        />
      </dl>
      <nav aria-label="Month" className="mb-3 flex items-center gap-3 text-sm">
        {previousMonth(month) >= since && (
          <a className="text-sky-700 hover:underline" href={`?month=${previousMonth(month)}`}>
            ← {monthName(previousMonth(month))}
          </a>
        )}
        <span className="font-medium">{monthName(month)}</span>
        {month < new Date().toISOString().slice(0, 7) && (
          <a className="text-sky-700 hover:underline" href="?">
            This month →
          </a>
        )}
      </nav>
      <BillingCharts
        daily={view.dailyRows}
        services={view.services}
        monthly={view.monthlyRows}
        monthLabel={monthName(month)}
      />
      <ServiceCostTable rows={view.byService} total={view.total} monthLabel={monthName(month)} />
      <section aria-labelledby="budget-heading" className="mt-8">
        <h2 id="budget-heading" className="mb-3 text-lg font-semibold">
          Budget
        </h2>
        {can(actor, "tenant:write", tenant.id) ? (
          <BudgetForm tenant={tenant.name} budget={budget} />
        ) : (
          <ReadOnlyNotice tenant={tenant.name} what="setting a budget" />
        )}
      </section>
    </>
  );
}
