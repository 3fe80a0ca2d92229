import { getDb } from "@/db";
import { authorizePage } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { alertListQuery } from "@/lib/alerts/alert-input";
import { alertHistories, listAlerts } from "@/lib/alerts/alert-queries";
import { AlertFilters } from "@/components/alerts/alert-filters";
import { AlertTable } from "@/components/alerts/alert-table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { listHref } from "@/components/list-href";
import { serverSort } from "@/components/sort-header";
import { AlertButtons } from "@/app/(portal)/t/[tenant]/alerts/alert-buttons-client";

export const metadata = { title: "Alerts" };
const pageSize = 50;

export default async function AdminAlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor } = await authorizePage("/admin/alerts");
  const filter = alertListQuery.parse(await searchParams);
  const page = filter.page;
  const db = await getDb();
  const list = await listAlerts(db, {}, filter, page, pageSize);
  const history = await alertHistories(
    db,
    list.rows.map((a) => a.id),
  );
  const href = (p: number) => listHref("/admin/alerts", { ...filter, page: p });
  return (
    <>
      <PageHeader title="Alerts" description="Unresolved alerts of every tenant, newest first." />
      <AlertFilters
        state={filter.state ?? "unresolved"}
        severity={filter.severity ?? ""}
        sort={filter.sort}
        dir={filter.dir}
      />
      {list.rows.length === 0 ? (
        <EmptyState title="No alerts match">Every tenant is quiet. Choose “All” to see the history.</EmptyState>
      ) : (
        <AlertTable
          rows={list.rows}
          history={history}
          sort={serverSort("/admin/alerts", filter)}
          actions={
            can(actor, "admin:write")
              ? (a) => <AlertButtons tenant={a.tenant!} alertId={a.id} state={a.state!} />
              : undefined
          }
          showTenant
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
    </>
  );
}
