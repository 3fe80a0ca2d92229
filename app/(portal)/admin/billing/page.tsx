import Link from "next/link";
import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { rankTenantsByMonthToDate, type RankedTenant } from "@/lib/billing/cost-queries";
import { monthlyBudgets } from "@/lib/billing/manage-budget";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatUsd } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";

export const metadata = { title: "Spend" };
const pageSize = 50;

export default async function AdminBillingPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await authorizePage("/admin/billing");
  const page = Math.max(1, Math.min(10_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const db = await getDb();
  const today = new Date().toISOString().slice(0, 10);
  const ranking = await rankTenantsByMonthToDate(db, today, { limit: pageSize, offset: (page - 1) * pageSize });
  const budgetOf = await monthlyBudgets(
    db,
    ranking.rows.map((r) => r.tenantId),
  );
  return (
    <>
      <PageHeader
        title="Spend"
        description={`Every tenant ranked by what it has cost this month (${today.slice(0, 7)}), with the forecast to month end and its budget.`}
      />
      {ranking.rows.length === 0 ? (
        <EmptyState title="No costs this month yet">
          Costs appear a few minutes after tenants start running things.
        </EmptyState>
      ) : (
        <DataTable<RankedTenant>
          caption="Tenants by month-to-date spend"
          rows={ranking.rows}
          rowKey={(r) => r.tenantId}
          columns={[
            {
              header: "Rank",
              cell: (r) => (page - 1) * pageSize + ranking.rows.indexOf(r) + 1,
              className: "tabular-nums text-slate-500",
            },
            {
              header: "Tenant",
              cell: (r) => (
                <Link className="font-medium text-sky-700 hover:underline" href={`/t/${r.name}/billing`}>
                  {r.name}
                </Link>
              ),
            },
            { header: "Month to date", cell: (r) => formatUsd(r.monthToDate), className: "tabular-nums" },
            { header: "Forecast", cell: (r) => formatUsd(r.forecast), className: "tabular-nums" },
            {
              header: "Budget",
              cell: (r) => {
                const budget = budgetOf.get(r.tenantId);
                if (!budget) return <span className="text-slate-500">none</span>;
                return (
                  <span className={r.forecast > budget ? "text-red-700" : ""}>
                    {formatUsd(budget)} · {Math.round((r.monthToDate / budget) * 100)}% used
                  </span>
                );
              },
            },
          ]}
        />
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(ranking.total / pageSize)}
        pageSize={pageSize}
        total={ranking.total}
        shown={ranking.rows.length}
        href={(p) => `/admin/billing?page=${p}`}
      />
    </>
  );
}
