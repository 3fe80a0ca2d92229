"use client";

import { isLive, useLiveOperation, type ProgressSnapshot } from "../../../use-live-operation";

type Props = { tenant: string; name: string; status: string; initial: ProgressSnapshot };

/**
 * The database's state as the inventory last read it, followed live while an operation on it runs:
 * the operation's waiting note says what the cloud is doing, and its end re-renders the page.
 */
export function DatabaseStatus({ tenant, name, status, initial }: Props) {
  const { operation } = useLiveOperation(tenant, initial, "resource");
  const ours = operation?.request?.kind === "database" && operation.request.name === name && isLive(operation);
  const waiting = ours ? operation.steps.find((s) => s.waiting)?.waiting : null;
  return (
    <span aria-live="polite" data-testid="database-status">
      <span className="font-medium">{status}</span>
      {ours && (
        <span className="ml-2 inline-flex items-center gap-1 text-xs text-sky-700">
          <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-sky-200 border-t-sky-600" />
          {waiting ?? (operation.request?.action === "delete" ? "deleting" : "in progress")}
        </span>
      )}
    </span>
  );
}
