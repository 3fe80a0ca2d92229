import Link from "next/link";
import type { AlertRow } from "@/lib/alerts/alert-queries";
import { DataTable } from "@/components/data-table";
import { formatDateTime } from "@/components/format";

const severityTones: Record<string, string> = {
  critical: "bg-red-50 text-red-700 ring-red-600/20",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/20",
  info: "bg-sky-50 text-sky-700 ring-sky-600/20",
};
const stateTones: Record<string, string> = {
  open: "text-red-700",
  acknowledged: "text-amber-700",
  resolved: "text-emerald-700",
};
const sourceLabels: Record<string, string> = { rule: "alert rule", cloud: "cloud alarm", budget: "budget" };

export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${severityTones[severity] ?? severityTones.info}`}
    >
      {severity}
    </span>
  );
}

type History = Map<string, { transition: string; actor: string | null; at: Date }[]>;
type Props = {
  rows: AlertRow[];
  history: History;
  /** The Actions column's cell; left out for readers, who cannot change alerts. */
  actions?: (alert: AlertRow) => React.ReactNode;
  showTenant?: boolean;
};

function StateCell({ alert, history }: { alert: AlertRow; history: History }) {
  const who =
    alert.state === "acknowledged"
      ? `by ${alert.acknowledgedBy ?? "someone"} · ${formatDateTime(alert.acknowledgedAt)}`
      : alert.state === "resolved"
        ? `${alert.resolvedBy ? `by ${alert.resolvedBy}` : "cleared"} · ${formatDateTime(alert.resolvedAt)}`
        : null;
  return (
    <details>
      <summary className="cursor-pointer">
        <span className={`font-medium ${stateTones[alert.state ?? ""] ?? ""}`}>{alert.state}</span>
        {who && <span className="block text-xs text-slate-500">{who}</span>}
      </summary>
      <ol aria-label="History" className="mt-1 space-y-0.5 text-xs text-slate-600">
        {(history.get(alert.id) ?? []).map((e, i) => (
          <li key={i}>
            {e.transition} · {e.actor ?? "system"} · {formatDateTime(e.at)}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Alerts, newest first; write users can acknowledge and resolve them in place. */
export function AlertTable({ rows, history, actions, showTenant = false }: Props) {
  return (
    <DataTable<AlertRow>
      caption="Alerts"
      rows={rows}
      rowKey={(a) => a.id}
      columns={[
        { header: "Severity", cell: (a) => <SeverityBadge severity={a.severity ?? "info"} /> },
        ...(showTenant
          ? [
              {
                header: "Tenant",
                cell: (a: AlertRow) => (
                  <Link className="text-sky-700 hover:underline" href={`/t/${a.tenant}/alerts`}>
                    {a.tenant}
                  </Link>
                ),
              },
            ]
          : []),
        {
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
        },
        { header: "Opened", cell: (a) => formatDateTime(a.openedAt), className: "whitespace-nowrap text-slate-500" },
        { header: "State", cell: (a) => <StateCell alert={a} history={history} /> },
        ...(actions ? [{ header: "Actions", cell: actions }] : []),
      ]}
    />
  );
}
