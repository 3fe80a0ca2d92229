"use client";

import { useState } from "react";
import { changeOwnPassword } from "./actions";

export function PasswordForm() {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    if (data.get("newPassword") !== data.get("confirmPassword")) {
      setMessage({ ok: false, text: "The new password and its confirmation differ." });
      return;
    }
    setPending(true);
    const result = await changeOwnPassword({
      currentPassword: data.get("currentPassword"),
      newPassword: data.get("newPassword"),
    });
    setPending(false);
    setMessage(
      result.ok
        ? { ok: true, text: "Your password was changed. Use it the next time you sign in." }
        : { ok: false, text: result.error },
    );
    if (result.ok) form.reset();
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change password" className="mt-3 grid max-w-md gap-3">
      <label className="text-sm font-medium">
        Current password
        <input name="currentPassword" type="password" autoComplete="current-password" className="input mt-1" />
      </label>
      <label className="text-sm font-medium">
        New password
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          aria-describedby="new-password-hint"
          className="input mt-1"
        />
        <span id="new-password-hint" className="mt-1 block text-xs font-normal text-slate-500">
          At least 12 characters, not a common password, and not your email name.
        </span>
      </label>
      <label className="text-sm font-medium">
        Confirm new password
        <input name="confirmPassword" type="password" autoComplete="new-password" className="input mt-1" />
      </label>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {message.text}
        </p>
      )}
      <div>
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
