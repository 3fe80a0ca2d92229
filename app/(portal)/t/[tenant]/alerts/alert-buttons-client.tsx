"use client";

import { useQueryClient } from "@tanstack/react-query";
import { alertSummaryKey } from "@/components/query/use-alert-summary";
import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";
import { acknowledgeAlert, resolveAlert } from "./actions";

export function AlertButtons({ tenant, alertId, state }: { tenant: string; alertId: string; state: string }) {
  const { pending, error, run } = useActionRunner();
  const queries = useQueryClient();
  // The navigation badge counts from the live summary, which should not wait for its next poll.
  const change = (action: typeof acknowledgeAlert) =>
    run(() => action({ tenant, alertId })).then(() => queries.invalidateQueries({ queryKey: alertSummaryKey(tenant) }));
  if (state === "resolved") return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {state === "open" && (
        <button type="button" className="btn-secondary" disabled={pending} onClick={() => change(acknowledgeAlert)}>
          Acknowledge
        </button>
      )}
      <button type="button" className="btn-secondary" disabled={pending} onClick={() => change(resolveAlert)}>
        Resolve
      </button>
      <FormError error={error} className="w-full" />
    </div>
  );
}
