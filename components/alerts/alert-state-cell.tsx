import type { AlertRow } from "@/lib/alerts/alert-queries";
import { formatDateTime } from "@/components/format";

export type AlertHistory = Map<string, { transition: string; actor: string | null; at: Date }[]>;

const stateTones: Record<string, string> = {
  open: "text-red-700",
  acknowledged: "text-amber-700",
  resolved: "text-emerald-700",
};

/** An alert's state and who set it, opening onto its whole history. */
export function AlertStateCell({ alert, history }: { alert: AlertRow; history: AlertHistory }) {
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
