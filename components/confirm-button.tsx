"use client";

import { useId, useRef, useState } from "react";
import { FormError } from "./form-error";

const tones = {
  danger:
    "inline-flex items-center justify-center rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-red-700 disabled:opacity-60",
  primary: "btn-primary",
} as const;

type Props = {
  /** The button's own text, and the default for the dialog's confirm button. */
  label: string;
  title: string;
  children?: React.ReactNode;
  confirmLabel?: string;
  tone?: keyof typeof tones;
  className?: string;
  /** Resolves to an error message to show in the dialog, or nothing when done. */
  onConfirm: () => Promise<string | null | undefined | void>;
};

/** A button that asks first, in a real modal dialog, before it does anything. */
export function ConfirmButton({
  label,
  title,
  children,
  confirmLabel,
  tone = "danger",
  className = "btn-secondary",
  onConfirm,
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function open() {
    setError(null);
    dialog.current?.showModal();
  }

  async function confirm() {
    setPending(true);
    const problem = await onConfirm();
    setPending(false);
    if (problem) setError(problem);
    else dialog.current?.close();
  }

  return (
    <>
      <button type="button" className={className} onClick={open}>
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          {children && <div className="mt-2 text-sm text-slate-600">{children}</div>}
          <FormError error={error} className="mt-3" />
          <div className="mt-6 flex justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()} disabled={pending}>
              Cancel
            </button>
            <button type="button" className={tones[tone]} onClick={confirm} disabled={pending}>
              {pending ? "Working…" : (confirmLabel ?? label)}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
