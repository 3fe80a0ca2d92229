"use client";

import { useState } from "react";
import { resetUserPassword } from "../actions";
import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";

export function ResetPasswordForm({ userId }: { userId: string }) {
  const { pending, error, run } = useActionRunner();
  const [done, setDone] = useState(false);
  return (
    <form
      aria-label="Reset password"
      noValidate
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        setDone(false);
        const result = await run(() => resetUserPassword({ userId, password: new FormData(form).get("password") }));
        if (result.ok) {
          form.reset();
          setDone(true);
        }
      }}
    >
      <label className="w-full max-w-sm text-sm font-medium">
        New password
        <input name="password" type="password" autoComplete="new-password" className="input mt-1" />
      </label>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? "Resetting…" : "Reset password"}
      </button>
      <p className="w-full text-xs text-slate-500">
        At least 12 characters, not a common password. Resetting signs the user out everywhere.
      </p>
      {done && (
        <p role="status" className="w-full text-sm text-emerald-700">
          Password reset. Give it to the user over a secure channel.
        </p>
      )}
      <FormError error={error} className="w-full" />
    </form>
  );
}
