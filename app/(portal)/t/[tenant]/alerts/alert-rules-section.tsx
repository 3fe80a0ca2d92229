import type { AlertRule } from "@/db/schema";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";
import { metricLabel } from "@/lib/words/metric-labels";
import { ReadOnlyNotice } from "@/components/read-only-notice";
import { SeverityBadge } from "@/components/alerts/severity-badge";
import { AlertRuleButtons } from "./rule-buttons-client";
import { AlertRuleForm } from "./rule-form-client";

type Props = { tenant: string; rules: AlertRule[]; resources: string[]; canWrite: boolean };

export function AlertRulesSection({ tenant, rules, resources, canWrite }: Props) {
  return (
    <section aria-labelledby="rules-heading" className="mt-10">
      <h2 id="rules-heading" className="mb-1 text-lg font-semibold">
        Alert rules
      </h2>
      <p className="mb-3 text-sm text-slate-500">
        Evaluated every 15 seconds: the metric&apos;s average over the window, against the threshold.
      </p>
      {!canWrite && <ReadOnlyNotice tenant={tenant} what="acknowledging alerts and changing rules and channels" />}
      {rules.length === 0 ? (
        <EmptyState title="No alert rules yet">
          {canWrite
            ? "Add one below, for example CPU above 80 over 5 minutes."
            : "Someone with write access can add rules on metrics here."}
        </EmptyState>
      ) : (
        <DataTable<AlertRule>
          caption="Alert rules"
          rows={rules}
          rowKey={(r) => r.id}
          columns={[
            { header: "Rule", cell: (r) => <span className="font-medium">{r.name}</span> },
            {
              header: "Condition",
              cell: (r) =>
                `${metricLabel(r.metric)}${r.resource ? ` of ${r.resource}` : ""} ${r.condition} ${r.threshold} over ${r.windowMinutes} min`,
            },
            { header: "Severity", cell: (r) => <SeverityBadge severity={r.severity} /> },
            {
              header: "Last value",
              cell: (r) =>
                r.lastEvaluatedAt
                  ? `${r.lastValue === null ? "no data" : Math.round(r.lastValue * 100) / 100} · ${formatDateTime(r.lastEvaluatedAt)}`
                  : "not yet evaluated",
              className: "text-slate-500",
            },
            { header: "Enabled", cell: (r) => (r.enabled ? "yes" : "no") },
            ...(canWrite
              ? [
                  {
                    header: "Actions",
                    cell: (r: AlertRule) => (
                      <AlertRuleButtons tenant={tenant} ruleId={r.id} name={r.name} enabled={r.enabled} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canWrite && (
        <div className="mt-4">
          <AlertRuleForm tenant={tenant} resources={resources} />
        </div>
      )}
    </section>
  );
}
