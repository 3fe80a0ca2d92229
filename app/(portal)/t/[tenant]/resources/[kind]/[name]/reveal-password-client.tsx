"use client";

import { useState } from "react";
import { CopyableValue } from "@/components/copy-button";
import { revealDatabasePassword } from "../../actions";

/** Shows the master password on request; each reveal is audited. Hidden again on leaving the page. */
export function RevealPassword({ tenant, name }: { tenant: string; name: string }) {
  const [password, setPassword] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function reveal() {
    setPending(true);
    const result = await revealDatabasePassword({ tenant, name }).catch(() => null);
    setPending(false);
    if (result?.ok) setPassword(result.data);
    else setError(result?.error ?? "The portal could not be reached. Try again.");
  }
  if (password)
    return (
      <span data-testid="database-password">
        <CopyableValue value={password} label="password" />
      </span>
    );
  return (
    <span>
      <button type="button" className="btn-secondary px-2 py-0.5 text-xs" onClick={reveal} disabled={pending}>
        {pending ? "Revealing…" : "Reveal password"}
      </button>
      {error && (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
