"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";

/** Runs a server action: pending while it runs, its error to show beside the form, a refresh when it worked. */
export function useActionRunner() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run<R>(call: () => Promise<ActionResult<R>>): Promise<ActionResult<R>> {
    setPending(true);
    setError(null);
    const result = await call();
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
  return async <R>(call: () => Promise<ActionResult<R>>): Promise<string | null> => {
    const result = await call();
    if (!result.ok) return result.error;
    router.refresh();
    return null;
  };
}
