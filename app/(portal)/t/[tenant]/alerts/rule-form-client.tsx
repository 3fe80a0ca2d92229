"use client";

import { useRef } from "react";
import { FormError } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { useActionRunner } from "@/components/use-action-runner";
import { cloudMetrics } from "@/lib/cloud/contract/telemetry";
import { metricLabel } from "@/lib/words/metric-labels";
import { createAlertRule } from "./actions";

export function AlertRuleForm({ tenant, resources }: { tenant: string; resources: string[] }) {
  const form = useRef<HTMLFormElement>(null);
  const { pending, error, run } = useActionRunner();
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const result = await run(() => createAlertRule({ tenant, ...data }));
    if (result.ok) form.current?.reset();
  }
  return (
    <form
      ref={form}
      onSubmit={submit}
      aria-label="New alert rule"
      className="card grid gap-3 p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <label className="text-sm font-medium sm:col-span-2">
        Name
        <input name="name" required maxLength={80} className="input mt-1" placeholder="API is slow" />
      </label>
      <SelectField
        label="Metric"
        name="metric"
        options={cloudMetrics.map((m) => ({ value: m, label: metricLabel(m) }))}
        defaultValue="cpu"
      />
      <SelectField label="Resource" name="resource" options={resources} anyLabel="Whole tenant" />
      <SelectField
        label="Condition"
        name="condition"
        options={[
          { value: "above", label: "above" },
          { value: "below", label: "below" },
        ]}
        defaultValue="above"
      />
      <label className="text-sm font-medium">
        Threshold
        <input name="threshold" required inputMode="decimal" className="input mt-1" placeholder="80" />
      </label>
      <label className="text-sm font-medium">
        Window (minutes)
        <input name="windowMinutes" type="number" min={1} max={1440} defaultValue={5} className="input mt-1" />
      </label>
      <SelectField label="Severity" name="severity" options={["info", "warning", "critical"]} defaultValue="warning" />
      <div className="sm:col-span-2 lg:col-span-4">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Adding…" : "Add rule"}
        </button>
      </div>
      <FormError error={error} className="sm:col-span-2 lg:col-span-4" />
    </form>
  );
}
