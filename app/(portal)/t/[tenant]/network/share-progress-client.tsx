"use client";

import type { OperationProgress } from "@/lib/provisioning/operations";
import { useRefreshOnChange } from "@/components/query/use-refresh-on-change";
import { OperationSteps, formatElapsed } from "../operation-steps-client";
import { isLive, useLiveOperation, type ProgressSnapshot } from "../use-live-operation";

/**
 * The owner's share operation while it runs (granting or removing a share in the cloud), followed
 * live; when it ends the page re-renders with the share's new state.
 */
const stamp = (op: OperationProgress | null) => (op ? `${op.id}:${op.state}` : "none");

export function ShareProgress({ tenant, initial }: { tenant: string; initial: ProgressSnapshot }) {
  const { operation, now } = useLiveOperation(tenant, initial, "share");
  // A revocation can finish before the first poll sees it running; the shares listed must follow it anyway.
  useRefreshOnChange(stamp(operation), stamp(initial.operation));
  if (!operation || (!isLive(operation) && operation.state !== "failed")) return null;
  const done = operation.steps.filter((s) => s.state === "succeeded").length;
  const total = operation.steps.length;
  const failed = operation.state === "failed";
  return (
    <section aria-label="Share in progress" className="card mb-4 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium">{failed ? "The last share change failed" : "Changing a share in the cloud…"}</p>
        <p className="text-sm text-slate-500" aria-live="polite">
          {total ? `${done} of ${total} steps` : "Queued, waiting for a worker"} ·{" "}
          {formatElapsed(operation.startedAt ?? operation.createdAt, operation.finishedAt ?? now)}
        </p>
      </div>
      {failed && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {operation.error ?? "The operation failed."} The share shows what was made; approve it again or revoke it.
        </p>
      )}
      {total > 0 && <OperationSteps steps={operation.steps} now={now} />}
    </section>
  );
}
