import Link from "next/link";
import type { AlertRow } from "@/lib/alerts/alert-queries";
import { DataTable, type Column } from "@/components/data-table";
import type { ServerSort } from "@/components/sort-header";
import { formatDateTime } from "@/components/format";
import { SeverityBadge } from "./severity-badge";
import { AlertStateCell, type AlertHistory } from "./alert-state-cell";

const sourceLabels: Record<string, string> = { rule: "alert rule", cloud: "cloud alarm", budget: "budget" };

// Sort keys are the server's (lib/alerts/alert-queries.ts).
const severity: Column<AlertRow> = {
  header: "Severity",
  sortKey: "severity",
  firstDir: "desc",
  cell: (a) => <SeverityBadge severity={a.severity ?? "info"} />,
};
const tenant: Column<AlertRow> = {
  header: "Tenant",
  // Not prefetched: each prefetch renders a tenant's layout on the server, a page of rows at a time.
  cell: (a) => (
    <Link className="text-sky-700 hover:underline" href={`/t/${a.tenant}/alerts`} prefetch={false}>
      {a.tenant}
    </Link>
  ),
};
const title: Column<AlertRow> = {
  header: "Alert",
  cell: (a) => (
    <>
      <span className="font-medium">{a.title}</span>
      <span className="block text-xs text-slate-500">
        {sourceLabels[a.source ?? ""]}
        {a.resource ? ` · ${a.resource}` : ""}
        {a.value !== null ? ` · value ${a.value}` : ""}
      </span>
    </>
  ),
};
const opened: Column<AlertRow> = {
  header: "Opened",
  sortKey: "openedAt",
  firstDir: "desc",
  cell: (a) => formatDateTime(a.openedAt),
  className: "whitespace-nowrap text-slate-500",
};

type Props = {
  rows: AlertRow[];
  history: AlertHistory;
  /** The Actions column's cell; left out for readers, who cannot change alerts. */
  actions?: (alert: AlertRow) => React.ReactNode;
  showTenant?: boolean;
  sort: ServerSort;
};

/** A page of alerts, sorted on the server by the column the URL names; write users can acknowledge and resolve them in place. */
export function AlertTable({ rows, history, actions, showTenant = false, sort }: Props) {
  const columns: Column<AlertRow>[] = [
    severity,
    ...(showTenant ? [tenant] : []),
    title,
    opened,
    {
      header: "State",
      sortKey: "state",
      cell: (a) => <AlertStateCell alert={a} history={history} />,
    },
    ...(actions ? [{ header: "Actions", cell: actions }] : []),
  ];
  return <DataTable caption="Alerts" rows={rows} columns={columns} rowKey={(a) => a.id} sort={sort} />;
}
