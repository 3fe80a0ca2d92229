"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { localInputToIso } from "@/components/datetime";
import { FormError } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { useActionRunner } from "@/components/use-action-runner";
import { tenantNameProblem } from "@/lib/tenants/tenant-name-rule";
import { createTenant } from "./actions";

const rule =
  "2 to 30 characters: lowercase letters, digits and hyphens, starting with a letter. It names the Kubernetes namespace and prefixes every cloud resource.";

function NameHint({ name }: { name: string }) {
  const problem = name ? tenantNameProblem(name.trim()) : null;
  return (
    <p id="tenant-name-hint" className="mt-1 text-xs" aria-live="polite">
      <span className="text-slate-500">{rule}</span>{" "}
      {problem ? (
        <span className="text-amber-700">{problem}</span>
      ) : (
        name && <span className="text-emerald-700">Looks good.</span>
      )}
    </p>
  );
}

function readQuota(data: FormData) {
  const text = (key: string) => String(data.get(key) ?? "").trim() || undefined;
  const pods = text("pods");
  const quota = { cpu: text("cpu"), memory: text("memory"), pods: pods === undefined ? undefined : Number(pods) };
  return Object.values(quota).some((v) => v !== undefined) ? quota : null;
}

export function NewTenantForm({ infrastructures }: { infrastructures: { id: string; label: string }[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const { pending, error, run } = useActionRunner();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const result = await run(() =>
      createTenant({
        name,
        infrastructureId: data.get("infrastructureId"),
        quota: readQuota(data),
        expiresAt: localInputToIso(String(data.get("expiresAt") ?? "")),
        deletionProtection: data.get("deletionProtection") === "on",
      }),
    );
    if (result.ok) router.push(`/t/${result.data.name}`);
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="New tenant"
      className="card grid max-w-3xl gap-5 p-6 sm:grid-cols-2"
    >
      <div className="sm:col-span-2">
        <label className="text-sm font-medium">
          Name
          <input
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="tenant-name-hint"
            className="input mt-1"
          />
        </label>
        <NameHint name={name} />
      </div>
      <div className="sm:col-span-2">
        <SelectField
          label="Infrastructure"
          name="infrastructureId"
          anyLabel="Choose an infrastructure…"
          options={infrastructures.map((i) => ({ value: i.id, label: i.label }))}
          defaultValue={infrastructures.length === 1 ? infrastructures[0]!.id : ""}
        />
      </div>
      <fieldset className="grid grid-cols-3 gap-3 sm:col-span-2">
        <legend className="mb-1 text-sm font-medium">Namespace quota (optional)</legend>
        <label className="text-sm">
          CPU
          <input name="cpu" placeholder="4 or 500m" className="input mt-1" />
        </label>
        <label className="text-sm">
          Memory
          <input name="memory" placeholder="8Gi" className="input mt-1" />
        </label>
        <label className="text-sm">
          Pods
          <input name="pods" inputMode="numeric" placeholder="50" className="input mt-1" />
        </label>
      </fieldset>
      <div>
        <label className="text-sm font-medium">
          Expires (optional, your local time)
          <input name="expiresAt" type="datetime-local" aria-describedby="tenant-expiry-hint" className="input mt-1" />
        </label>
        <p id="tenant-expiry-hint" className="mt-1 text-xs text-slate-500">
          At that time the tenant is deleted, even with deletion protection on.
        </p>
      </div>
      <div className="self-center">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            name="deletionProtection"
            type="checkbox"
            defaultChecked
            aria-describedby="tenant-protection-hint"
            className="size-4"
          />
          Deletion protection
        </label>
        <p id="tenant-protection-hint" className="mt-1 pl-6 text-xs text-slate-500">
          Nobody can delete the tenant until an administrator turns this off.
        </p>
      </div>
      <FormError error={error} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Creating…" : "Create tenant"}
        </button>
      </div>
    </form>
  );
}
