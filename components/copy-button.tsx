"use client";

import { useState } from "react";

/** Copies a cloud id, hostname or namespace, and says so where a screen reader hears it. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <span className="inline-flex items-center gap-1">
      <button
        type="button"
        onClick={copy}
        aria-label={`Copy ${label}`}
        title={`Copy ${label}`}
        className="rounded px-1 text-xs text-slate-600 ring-1 ring-slate-300 hover:bg-slate-100"
      >
        Copy
      </button>
      <span role="status" className="text-xs text-slate-600">
        {state === "copied" ? "Copied" : state === "failed" ? "Could not copy: select and copy it by hand" : ""}
      </span>
    </span>
  );
}

/** A value worth copying, in monospace, with its copy button. */
export function CopyableValue({ value, label }: { value: string; label: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <code className="text-xs break-all">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}
