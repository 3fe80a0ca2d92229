"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { NewToken } from "@/lib/tokens/create-token";
import { FormError } from "@/components/form-error";
import { SelectField } from "@/components/select-field";
import { useActionRunner } from "@/components/use-action-runner";
import { SecretOnce } from "./secret-once";

const scopes = [
  { value: "read", label: "read — looks, never changes anything" },
  { value: "write", label: "write — also changes what its owner may change" },
];
const presets = [
  { days: "30", label: "30 days" },
  { days: "90", label: "90 days" },
  { days: "366", label: "1 year" },
];

type Props = {
  /** A server action: the user's own tokens, or a service account's (with `fixed` naming it). */
  createAction: (input: unknown) => Promise<ActionResult<NewToken>>;
  fixed?: Record<string, string>;
  title: string;
};

export function NewTokenForm({ createAction, fixed, title }: Props) {
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [days, setDays] = useState("90");
  const { pending, error, run } = useActionRunner();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = { ...Object.fromEntries(new FormData(form)), ...fixed };
    const result = await run(() => createAction(input), "Token created: copy it now.");
    if (!result.ok) return;
    setCreated({ name: result.data.token.name, secret: result.data.secret });
    form.reset();
    setDays("90");
  }

  return (
    <div className="mt-3">
      {created && <SecretOnce {...created} onDone={() => setCreated(null)} />}
      <form onSubmit={onSubmit} noValidate aria-label={title} className="flex flex-wrap items-end gap-3">
        <label className="min-w-56 flex-1 text-sm font-medium">
          Name
          <input name="name" autoComplete="off" placeholder="e.g. deploy pipeline" className="input mt-1" />
        </label>
        <SelectField label="Scope" name="scope" options={scopes} defaultValue="read" />
        <fieldset className="text-sm font-medium">
          <legend>Expires after (days, at most 366)</legend>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <input
              name="days"
              type="number"
              min={1}
              max={366}
              value={days}
              onChange={(e) => setDays(e.target.value)}
              aria-label="Days until it expires"
              className="input w-24"
            />
            {presets.map((p) => (
              <button
                key={p.days}
                type="button"
                aria-pressed={days === p.days}
                onClick={() => setDays(p.days)}
                className={`btn-secondary px-2 ${days === p.days ? "ring-2 ring-brand-500" : ""}`}
              >
                {p.label}
              </button>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
        <FormError error={error} className="w-full" />
      </form>
    </div>
  );
}
