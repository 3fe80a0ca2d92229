"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";
import { createTenantLike, saveTenantAsTemplate } from "../../../admin/templates/actions";

function NameForm(props: {
  label: string;
  field: string;
  initial: string;
  button: string;
  submit: (name: string) => Promise<void>;
}) {
  const [name, setName] = useState(props.initial);
  const [pending, setPending] = useState(false);
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    await props.submit(name);
    setPending(false);
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={props.label} className="flex flex-wrap items-end gap-3">
      <label className="text-sm font-medium">
        {props.field}
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" className="input mt-1 w-56" />
      </label>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {props.button}
      </button>
    </form>
  );
}

/** Save this tenant as a template, or make a new tenant like it now; an administrator's tools. */
export function TemplateActions({ tenant }: { tenant: string }) {
  const router = useRouter();
  const { error, run } = useActionRunner();
  return (
    <div className="space-y-4">
      <NameForm
        label="Save as template"
        field="Template name"
        initial={tenant}
        button="Save as template"
        submit={async (name) => {
          const result = await run(() => saveTenantAsTemplate({ tenant, name }), "Saved as a template.");
          if (result.ok) router.push(`/admin/templates/${result.data.name}?version=${result.data.version}`);
        }}
      />
      <NameForm
        label="Create a tenant like this"
        field="New tenant name"
        initial={`${tenant}-2`}
        button="Create a tenant like this"
        submit={async (name) => {
          const result = await run(() => createTenantLike({ tenant, name }), "Tenant created; provisioning started.");
          if (result.ok) router.push(`/t/${result.data.name}`);
        }}
      />
      <FormError error={error} />
    </div>
  );
}
