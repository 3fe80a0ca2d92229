import type { AlertRow } from "@/lib/alerts/alert-queries";
import type { AlertListQuery } from "@/lib/alerts/alert-input";
import { AlertTableClient } from "./alert-table-client";
import type { AlertHistory } from "./alert-state-cell";

type Props = {
  rows: AlertRow[];
  history: AlertHistory;
  /** The Actions column's cell; left out for readers, who cannot change alerts. */
  actions?: (alert: AlertRow) => React.ReactNode;
  showTenant?: boolean;
  sort: Pick<AlertListQuery, "sort" | "dir">;
};

/** A page of alerts, sorted on the server by the column the URL names; write users can acknowledge and resolve them in place. */
export function AlertTable({ rows, history, actions, showTenant = false, sort }: Props) {
  return (
    <AlertTableClient
      rows={rows}
      history={history}
      actions={actions && Object.fromEntries(rows.map((a) => [a.id, actions(a)]))}
      showTenant={showTenant}
      sort={{ id: sort.sort, desc: sort.dir === "desc" }}
    />
  );
}
