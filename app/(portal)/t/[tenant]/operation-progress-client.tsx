"use client";

import { useState } from "react";
import type { OperationProgress, OperationScope } from "@/lib/provisioning/operations";
import { formatElapsed, OperationSteps } from "./operation-steps-client";
import { isLive, useLiveOperation, type ProgressSnapshot } from "./use-live-operation";
import { DeleteTenantButton, RetryProvisioningButton } from "./settings/tenant-lifecycle-client";

type Props = {
  tenant: string;
  initial: ProgressSnapshot;
  canManage: boolean;
  deletionProtection: boolean;
  scope?: OperationScope;
};

const titles = {
  provision: {
    pending: "Provisioning",
    running: "Provisioning",
    succeeded: "Provisioned",
    failed: "Provisioning failed",
  },
  delete: { pending: "Deleting", running: "Deleting", succeeded: "Deleted", failed: "Deletion failed" },
} as const;

function titleOf(operation: OperationProgress): string {
  const request = operation.request;
  if (operation.kind !== "resource" || !request)
    return titles[operation.kind === "delete" ? "delete" : "provision"][operation.state];
  const what = `${request.kind} ${request.name}`;
  const verb = request.action === "create" ? ["Creating", "Created"] : ["Deleting", "Deleted"];
  return {
    pending: `${verb[0]} ${what}`,
    running: `${verb[0]} ${what}`,
    succeeded: `${verb[1]} ${what}`,
    failed: `${verb[0]} ${what} failed`,
  }[operation.state];
}

export function OperationProgressPanel({ tenant, initial, canManage, deletionProtection, scope = "lifecycle" }: Props) {
  const { operation, now } = useLiveOperation(tenant, initial, scope);
  const [watched] = useState(isLive(initial.operation));
  if (!operation) return null;
  const title = titleOf(operation);
  const total = operation.steps.length;
  const done = operation.steps.filter((s) => s.state === "succeeded").length;
  const failed = operation.state === "failed";
  const tone = failed ? "bg-red-500" : operation.state === "succeeded" ? "bg-emerald-500" : "bg-sky-500";
  return (
    <section aria-labelledby="operation-title" className="card mt-6 p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="operation-title" className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-slate-500" aria-live="polite">
          {total ? `${done} of ${total} steps` : "Queued, waiting for a worker"} ·{" "}
          {formatElapsed(operation.startedAt ?? operation.createdAt, operation.finishedAt ?? now)}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={`${title} progress`}
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={done}
        className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={`h-full ${tone} transition-all duration-500`}
          style={{ width: `${total ? (done / total) * 100 : 0}%` }}
        />
      </div>
      {failed && (
        <div role="alert" className="mt-4 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-medium">{operation.error ?? "The operation failed."}</p>
          {operation.kind === "resource" ? (
            <p className="mt-1">The steps below show how far it got. Delete what was made, then create it again.</p>
          ) : canManage ? (
            <div className="mt-3 flex flex-wrap items-center gap-2">
              {operation.kind === "provision" && <RetryProvisioningButton tenant={tenant} />}
              <DeleteTenantButton tenant={tenant} deletionProtection={deletionProtection} />
            </div>
          ) : (
            <p className="mt-1">An administrator can retry or delete the tenant.</p>
          )}
        </div>
      )}
      {total > 0 && (
        <details open={watched || isLive(operation) || failed} className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Steps</summary>
          <OperationSteps steps={operation.steps} now={now} />
        </details>
      )}
    </section>
  );
}
