"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { FormError } from "@/components/form-error";
import { useActionRunner, useConfirmedAction } from "@/components/use-action-runner";
import { deleteAlertRule, setAlertRuleEnabled } from "./actions";

export function AlertRuleButtons({
  tenant,
  ruleId,
  name,
  enabled,
}: {
  tenant: string;
  ruleId: string;
  name: string;
  enabled: boolean;
}) {
  const { pending, error, run } = useActionRunner();
  const confirmed = useConfirmedAction();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() => run(() => setAlertRuleEnabled({ tenant, ruleId, enabled: !enabled }))}
      >
        {enabled ? "Disable" : "Enable"}
      </button>
      <ConfirmButton
        label="Delete"
        title={`Delete the rule ${name}?`}
        confirmLabel="Delete rule"
        className="text-sm font-medium text-red-700 hover:underline"
        onConfirm={() => confirmed(() => deleteAlertRule({ tenant, ruleId }))}
      >
        It stops being evaluated; an alert it opened is resolved. Its past alerts stay in the history.
      </ConfirmButton>
      <FormError error={error} className="w-full" />
    </div>
  );
}
