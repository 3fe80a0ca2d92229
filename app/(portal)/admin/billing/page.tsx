import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { rankTenantsByMonthToDate } from "@/lib/billing/cost-queries";
import { spendListQuery } from "@/lib/billing/spend-list-query";
import { EmptyState } from "@/components/empty-state";
import { listHref } from "@/components/list-href";
import { serverSort } from "@/components/sort-header";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { SpendFilters } from "./spend-filters";
import { SpendTable } from "./spend-table";

export const metadata = { title: "Spend" };
const pageSize = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminBillingPage({ searchParams }: Props) {
  await authorizePage("/admin/billing");
  const query = spendListQuery.parse(await searchParams);
  const today = new Date().toISOString().slice(0, 10);
  const ranking = await rankTenantsByMonthToDate(await getDb(), today, {
    limit: pageSize,
    offset: (query.page - 1) * pageSize,
    search: query.q,
    sort: query.sort,
    dir: query.dir,
  });
  return (
    <>
      <PageHeader
        title="Spend"
        description={`Every tenant ranked by what it has cost this month (${today.slice(0, 7)}), with the forecast to month end and its budget.`}
      />
      <SpendFilters key={query.q} query={query} />
      {ranking.rows.length === 0 ? (
        query.q ? (
          <EmptyState title={`No tenant matches “${query.q}”`}>
            Check the spelling or search by part of the name.
          </EmptyState>
        ) : (
          <EmptyState title="No costs this month yet">
            Costs appear a few minutes after tenants start running things.
          </EmptyState>
        )
      ) : (
        <SpendTable rows={ranking.rows} sort={serverSort("/admin/billing", query)} />
      )}
      <Pagination
        page={query.page}
        pageCount={Math.ceil(ranking.total / pageSize)}
        pageSize={pageSize}
        total={ranking.total}
        shown={ranking.rows.length}
        href={(page) => listHref("/admin/billing", { ...query, page })}
      />
    </>
  );
}
