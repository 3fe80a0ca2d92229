"use client";

import type { StepProgress } from "@/lib/provisioning/operations";

/** The time between two ISO instants, short: "850 ms", "12.4 s", "3 min 5 s". */
export function formatElapsed(from: string, to: string): string {
  const ms = Math.max(0, new Date(to).getTime() - new Date(from).getTime());
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1_000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

const labels: Record<string, string> = {
  "security-group": "Security group",
  "iam-role": "IAM role",
  "instance-profile": "Instance profile",
  "kms-key": "KMS key",
  "kms-alias": "KMS alias",
  "key-pair": "PEM key pair",
  namespace: "Kubernetes namespace",
  "sa-read": "Read-only service account",
  "sa-write": "Write service account",
  "rb-read": "Read role binding (view)",
  "rb-write": "Write role binding (edit)",
  "network-policy": "Network policy (deny other namespaces)",
  quota: "Resource quota",
  "create-workload": "Deployment, pods on the tenant's nodes",
  "create-load-balancer": "Load balancer in front of it",
  "create-host": "Host carrying the tenant node label",
  "create-bucket": "Storage bucket with the tenant tag",
  "remove-load-balancer": "Remove its load balancer",
  "remove-workload": "Remove the deployment",
  "remove-host": "Terminate the host",
  "remove-bucket": "Empty and remove the bucket",
  "remove-workloads-and-hosts": "Remove services, hosts and buckets",
  "remove-security-group-rules": "Remove rules that reference the tenant",
  "remove-security-groups": "Remove security groups",
  "remove-iam": "Remove instance profile and IAM role",
  "remove-key-pair": "Remove PEM key pair",
  "remove-kms": "Remove KMS alias, schedule key deletion",
  "remove-namespace": "Remove namespace and what is in it",
  "sweep-tenant-tag": "Final sweep: nothing left tagged",
  "remove-quota": "Remove the resource quota",
  "template-rows": "Alert rules, budget, channels and group mappings",
};
// A template's resource step, resource:<kind>:<name>:<step>: the step's label, for that resource.
const templateStep = /^resource:[a-z]+:(.+):([a-z-]+)$/;
const labelOf = (key: string) => {
  const [, name, step] = templateStep.exec(key) ?? [];
  if (name && step && labels[step]) return `${name}: ${labels[step]}`;
  return labels[key] ?? key.charAt(0).toUpperCase() + key.slice(1).replace(/-/g, " ");
};

function StepIcon({ state }: { state: string }) {
  const base = "flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold";
  if (state === "succeeded")
    return (
      <span aria-hidden className={`${base} bg-emerald-100 text-emerald-700`}>
        ✓
      </span>
    );
  if (state === "failed")
    return (
      <span aria-hidden className={`${base} bg-red-100 text-red-700`}>
        ✕
      </span>
    );
  if (state === "running")
    return (
      <span
        aria-hidden
        className="size-5 shrink-0 animate-spin rounded-full border-2 border-sky-200 border-t-sky-600"
      />
    );
  return <span aria-hidden className={`${base} border border-slate-300`} />;
}

const stateTone: Record<string, string> = {
  succeeded: "text-emerald-700",
  failed: "text-red-700",
  running: "text-sky-700",
  pending: "text-slate-500",
};

export function OperationSteps({ steps, now }: { steps: StepProgress[]; now: string }) {
  return (
    <ol aria-label="Steps" className="divide-y divide-slate-100 text-sm">
      {steps.map((step) => (
        <li key={step.key} className="flex items-start gap-3 py-2">
          <StepIcon state={step.state} />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4">
              <span>
                <span className="font-medium">{labelOf(step.key)}</span>{" "}
                <code className="text-xs text-slate-500">{step.key}</code>
              </span>
              <span className="text-xs text-slate-500">
                <span className={`font-medium ${stateTone[step.state] ?? ""}`}>{step.state}</span>
                {step.attempts > 1 && ` · ${step.attempts} attempts`}
                {step.startedAt && ` · ${formatElapsed(step.startedAt, step.finishedAt ?? now)}`}
              </span>
            </div>
            {step.error && <p className="mt-1 text-xs break-words text-red-700">{step.error}</p>}
            {step.waiting && <p className="mt-1 text-xs break-words text-sky-700">{step.waiting}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
