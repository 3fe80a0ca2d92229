"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";

const unreachable = "The portal could not be reached. Try again.";

/** Runs the call, turning a network failure into a result, and says how it went in a toast. */
async function runWithToast<R>(call: () => Promise<ActionResult<R>>, success: string): Promise<ActionResult<R>> {
  const result = await call().catch((): ActionResult<R> => ({ ok: false, code: "unavailable", error: unreachable }));
  // Loaded on the first action, so that sonner stays out of every page's first load.
  const { toast } = await import("sonner");
  if (result.ok) toast.success(success);
  else toast.error(result.error);
  return result;
}

/**
 * Runs a server action: pending while it runs, its error to show beside the form (and in a toast),
 * a toast and a refresh when it worked.
 */
export function useActionRunner() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run<R>(call: () => Promise<ActionResult<R>>, success = "Done."): Promise<ActionResult<R>> {
    setPending(true);
    setError(null);
    const result = await runWithToast(call, success);
    setPending(false);
    if (result.ok) router.refresh();
    else setError(result.error);
    return result;
  }

  return { pending, error, run };
}

/** For a ConfirmButton: the action's error message, or nothing once it worked and the page refreshed. */
export function useConfirmedAction() {
  const router = useRouter();
  return async <R>(call: () => Promise<ActionResult<R>>, success = "Done."): Promise<string | null> => {
    const result = await runWithToast(call, success);
    if (!result.ok) return result.error;
    router.refresh();
    return null;
  };
}
