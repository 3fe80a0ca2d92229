"use client";

import { useId, useRef, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { FormError } from "@/components/form-error";
import { useActionRunner } from "@/components/use-action-runner";
import { deleteTenant, retryTenantProvisioning } from "./actions";

const danger =
  "inline-flex items-center justify-center rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-50";

export function RetryProvisioningButton({ tenant }: { tenant: string }) {
  const { pending, error, run } = useActionRunner();
  return (
    <>
      <button
        type="button"
        className="btn-primary"
        disabled={pending}
        onClick={() => run(() => retryTenantProvisioning({ tenant }))}
      >
        {pending ? "Retrying…" : "Retry"}
      </button>
      <FormError error={error} className="w-full" />
    </>
  );
}

/** Deleting asks for the tenant's name, typed; with protection on it only says how to turn it off. */
export function DeleteTenantButton({ tenant, deletionProtection }: { tenant: string; deletionProtection: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const router = useRouter();
  const pathname = usePathname();
  const [typed, setTyped] = useState("");
  const { pending, error, run } = useActionRunner();
  const overview = `/t/${tenant}`;

  if (deletionProtection) {
    return (
      <span className="flex flex-wrap items-center gap-3">
        <button type="button" className={danger} disabled aria-describedby={`${titleId}-why`}>
          Delete tenant
        </button>
        <span id={`${titleId}-why`} className="text-sm text-slate-600">
          Deletion protection is on.{" "}
          {pathname === `${overview}/settings` ? (
            "Turn it off above first."
          ) : (
            <Link className="underline" href={`${overview}/settings`}>
              Turn it off in Settings first.
            </Link>
          )}
        </span>
      </span>
    );
  }

  async function confirm(event: React.FormEvent) {
    event.preventDefault();
    const result = await run(() => deleteTenant({ tenant, confirmName: typed }));
    if (!result.ok) return;
    dialog.current?.close();
    if (pathname !== overview) router.push(overview);
  }

  return (
    <>
      <button type="button" className={danger} onClick={() => dialog.current?.showModal()}>
        Delete tenant
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form onSubmit={confirm} className="p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            Delete {tenant}?
          </h2>
          <p className="mt-2 text-sm text-slate-600">
            Every resource in {tenant} is terminated, its namespace, keys and access are removed, and nothing tagged
            with it is left behind. This cannot be undone.
          </p>
          <label className="mt-4 block text-sm font-medium">
            Type <code className="rounded bg-slate-100 px-1">{tenant}</code> to confirm
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className="input mt-1"
            />
          </label>
          <FormError error={error} className="mt-3" />
          <div className="mt-6 flex justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()} disabled={pending}>
              Cancel
            </button>
            <button type="submit" className={danger} disabled={pending || typed.trim() !== tenant}>
              {pending ? "Deleting…" : "Delete tenant"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
