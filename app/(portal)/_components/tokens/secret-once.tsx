"use client";

import { CopyButton } from "@/components/copy-button";

type Props = { name: string; secret: string; onDone: () => void };

/** A new token's secret, shown this once: only its hash is kept, so nobody can show it again. */
export function SecretOnce({ name, secret, onDone }: Props) {
  return (
    <section
      aria-label="New token"
      className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900"
    >
      <h3 className="font-semibold">Copy the token “{name}” now</h3>
      <p className="mt-1">
        This is the only time it is shown. Enclave keeps only a hash of it; if it is lost, revoke it and create another.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code
          data-testid="new-token-secret"
          className="rounded border border-amber-200 bg-white px-2 py-1 font-mono text-xs break-all text-slate-800 select-all"
        >
          {secret}
        </code>
        <CopyButton value={secret} label="token" />
      </div>
      <p className="mt-3 text-xs">
        Send it as a bearer token:{" "}
        <code className="break-all">curl -H &quot;Authorization: Bearer $TOKEN&quot; {location.origin}/api/v1/me</code>
      </p>
      <button type="button" className="btn-secondary mt-3" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}
