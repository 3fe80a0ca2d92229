"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { useActionRunner } from "@/components/use-action-runner";
import { createServiceAccount } from "./actions";

const roleOptions = [
  { value: "user", label: "user — reaches only the tenants granted to it" },
  { value: "auditor", label: "auditor — reads every tenant and the audit log" },
  { value: "admin", label: "admin — manages everything" },
];

export function NewServiceAccountPanel() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { pending, error, run } = useActionRunner();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const result = await run(() => createServiceAccount(data), "Service account created.");
    // Its page is where it gets a token and grants.
    if (result.ok) router.push(`/admin/service-accounts/${result.data.id}`);
  }

  if (!open)
    return (
      <button type="button" className="btn-primary" onClick={() => setOpen(true)}>
        New service account
      </button>
    );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="New service account"
      className="card grid w-full gap-4 p-5 sm:grid-cols-2"
    >
      <h2 className="text-base font-semibold sm:col-span-2">New service account</h2>
      <label className="text-sm font-medium">
        Name
        <input name="name" autoComplete="off" placeholder="e.g. Deploy pipeline" className="input mt-1" />
        <span className="mt-1 block text-xs font-normal text-slate-500">
          Its address is made from the name, such as deploy-pipeline@service-accounts.enclave.internal.
        </span>
      </label>
      <SelectField label="Role" name="role" defaultValue="user" options={roleOptions} />
      <FormError error={error} className="sm:col-span-2" />
      <div className="flex gap-2 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Creating…" : "Create service account"}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
