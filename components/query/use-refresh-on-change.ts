"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Re-renders the server components of the page when `value` moves away from what they were
 * rendered with (`rendered`); undefined means "not known yet" and changes nothing.
 */
export function useRefreshOnChange<T>(value: T | undefined, rendered: T) {
  const router = useRouter();
  const shown = useRef(rendered);
  useEffect(() => {
    if (value === undefined || Object.is(value, shown.current)) return;
    shown.current = value;
    router.refresh();
  }, [value, router]);
}
