"use client";

import { useState } from "react";
import { useActionRunner } from "@/components/use-action-runner";
import { deleteGroupMapping } from "./actions";

/** Asks once more before deleting, inline rather than with a browser dialog. */
export function DeleteMappingButton({ id, label }: { id: string; label: string }) {
  const [confirming, setConfirming] = useState(false);
  const { pending, error, run } = useActionRunner();

  async function onConfirm() {
    const result = await run(() => deleteGroupMapping({ id }));
    if (result.ok) setConfirming(false);
  }

  if (!confirming) {
    return (
      <button
        type="button"
        className="btn-secondary"
        aria-label={`Delete ${label}`}
        onClick={() => setConfirming(true)}
      >
        Delete
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center justify-end gap-2">
      <span className="text-sm text-slate-600">Delete this mapping?</span>
      <button
        type="button"
        disabled={pending}
        className="btn-secondary border-red-300 text-red-700 hover:bg-red-50"
        onClick={onConfirm}
      >
        {pending ? "Deleting…" : "Yes, delete"}
      </button>
      <button type="button" disabled={pending} className="btn-secondary" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="w-full text-right text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
