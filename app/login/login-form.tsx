"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { signInInput } from "@/lib/auth/sign-in-input";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { FormError } from "@/components/form-error";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInInput.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Check the form.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { ...parsed.data, redirect: false, callbackUrl });
    if (!result || result.error) {
      setError(signInErrorMessage(result?.error ?? "invalid"));
      setPending(false);
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <form onSubmit={onSubmit} method="post" noValidate className="space-y-4">
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="username" className="input mt-1" />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" className="input mt-1" />
      </label>
      <FormError error={error} />
      <button type="submit" disabled={pending} className="btn-primary w-full">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
