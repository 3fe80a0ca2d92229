"use client";

import { useState } from "react";
import { localInputToIso } from "@/components/datetime";
import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";
import { updateTenantSettings } from "./actions";

type Quota = { cpu?: string; memory?: string; pods?: number } | null;

export function ProtectionSwitch({ tenant, on }: { tenant: string; on: boolean }) {
  const { pending, error, run } = useActionRunner();
  return (
    <div>
      <div className="flex items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-label="Deletion protection"
          disabled={pending}
          onClick={() => run(() => updateTenantSettings({ tenant, deletionProtection: !on }))}
          className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-60 ${on ? "bg-brand-600" : "bg-slate-300"}`}
        >
          <span
            aria-hidden
            className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${on ? "translate-x-5" : "translate-x-0.5"}`}
          />
        </button>
        <span className="text-sm font-medium">
          {pending
            ? "Saving…"
            : on
              ? "On: the tenant cannot be deleted"
              : "Off: an administrator can delete the tenant"}
        </span>
      </div>
      <FormError error={error} className="mt-3" />
    </div>
  );
}

export function ExpiryForm({ tenant, current }: { tenant: string; current: string | null }) {
  const { pending, error, run } = useActionRunner();
  const [missing, setMissing] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const value = String(new FormData(form).get("expiresAt") ?? "");
    setMissing(!value);
    if (!value) return;
    const result = await run(() => updateTenantSettings({ tenant, expiresAt: localInputToIso(value) }));
    if (result.ok) form.reset();
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Expiry" className="flex flex-wrap items-end gap-3">
      <label className="text-sm font-medium">
        New expiry (your local time)
        <input name="expiresAt" type="datetime-local" className="input mt-1" />
      </label>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Set expiry"}
      </button>
      {current && (
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() => run(() => updateTenantSettings({ tenant, expiresAt: null }))}
        >
          Remove expiry
        </button>
      )}
      <FormError error={missing ? "Choose a date and time first." : error} className="w-full" />
    </form>
  );
}

export function QuotaForm({ tenant, quota }: { tenant: string; quota: Quota }) {
  const { pending, error, run } = useActionRunner();
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    const pods = text("pods");
    await run(() =>
      updateTenantSettings({
        tenant,
        quota: { cpu: text("cpu"), memory: text("memory"), pods: pods === undefined ? undefined : Number(pods) },
      }),
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Quota" className="flex flex-wrap items-end gap-3">
      <label className="text-sm font-medium">
        CPU
        <input name="cpu" defaultValue={quota?.cpu ?? ""} placeholder="4 or 500m" className="input mt-1 w-32" />
      </label>
      <label className="text-sm font-medium">
        Memory
        <input name="memory" defaultValue={quota?.memory ?? ""} placeholder="8Gi" className="input mt-1 w-32" />
      </label>
      <label className="text-sm font-medium">
        Pods
        <input
          name="pods"
          inputMode="numeric"
          defaultValue={quota?.pods ?? ""}
          placeholder="50"
          className="input mt-1 w-24"
        />
      </label>
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Saving…" : "Save quota"}
      </button>
      {quota && (
        <button
          type="button"
          className="btn-secondary"
          disabled={pending}
          onClick={() => run(() => updateTenantSettings({ tenant, quota: null }))}
        >
          Remove quota
        </button>
      )}
      <p className="w-full text-xs text-slate-500">Leave a field empty for no limit on it.</p>
      <FormError error={error} className="w-full" />
    </form>
  );
}
