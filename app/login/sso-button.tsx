"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";

/** Starts the OpenID Connect sign-in; the IdP sends the browser back to /api/auth/callback/oidc. */
export function SsoButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className="btn-secondary w-full py-2"
      onClick={() => {
        setPending(true);
        void signIn("oidc", { callbackUrl }).catch(() => setPending(false));
      }}
    >
      {pending ? "Redirecting…" : `Continue with ${name}`}
    </button>
  );
}
