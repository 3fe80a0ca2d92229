"use client";

import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";
import { acknowledgeAlert, resolveAlert } from "./actions";

export function AlertButtons({ tenant, alertId, state }: { tenant: string; alertId: string; state: string }) {
  const { pending, error, run } = useActionRunner();
  if (state === "resolved") return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {state === "open" && (
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() => run(() => acknowledgeAlert({ tenant, alertId }))}
        >
          Acknowledge
        </button>
      )}
      <button
        type="button"
        className="btn-secondary"
        disabled={pending}
        onClick={() => run(() => resolveAlert({ tenant, alertId }))}
      >
        Resolve
      </button>
      <FormError error={error} className="w-full" />
    </div>
  );
}
