"use client";

import { useState } from "react";
import Link from "next/link";
import { createLocalUser } from "./actions";
import { FormError } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { useActionRunner } from "@/components/use-action-runner";

const roleOptions = [
  { value: "user", label: "user — sees the tenants granted to them" },
  { value: "auditor", label: "auditor — reads every tenant and the audit log" },
  { value: "admin", label: "admin — manages everything" },
];

export function NewUserPanel() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ id: string; email: string } | null>(null);
  const { pending, error, run } = useActionRunner();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form));
    const result = await run(() => createLocalUser(data));
    if (!result.ok) return;
    setCreated({ id: result.data.id, email: String(data.email).trim().toLowerCase() });
    setOpen(false);
    form.reset();
  }

  if (!open) {
    return (
      <div className="flex items-center gap-3">
        {created && (
          <p role="status" className="text-sm text-emerald-700">
            Created{" "}
            <Link className="font-medium underline" href={`/admin/users/${created.id}`}>
              {created.email}
            </Link>
            .
          </p>
        )}
        <button
          type="button"
          className="btn-primary"
          onClick={() => {
            setOpen(true);
            setCreated(null);
          }}
        >
          New user
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New user" className="card grid w-full gap-4 p-5 sm:grid-cols-2">
      <h2 className="text-base font-semibold sm:col-span-2">New local user</h2>
      <label className="text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="off" className="input mt-1" />
      </label>
      <label className="text-sm font-medium">
        Name
        <input name="name" autoComplete="off" className="input mt-1" />
      </label>
      <SelectField label="Role" name="role" defaultValue="user" options={roleOptions} />
      <label className="text-sm font-medium">
        Initial password
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          aria-describedby="new-user-password-hint"
          className="input mt-1"
        />
        <span id="new-user-password-hint" className="mt-1 block text-xs font-normal text-slate-500">
          At least 12 characters, not a common password. Give it to the user in person or over a secure channel.
        </span>
      </label>
      <FormError error={error} className="sm:col-span-2" />
      <div className="flex gap-2 sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Creating…" : "Create user"}
        </button>
        <button type="button" className="btn-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
