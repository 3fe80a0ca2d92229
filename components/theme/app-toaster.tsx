"use client";

import dynamic from "next/dynamic";
import { useSyncExternalStore } from "react";
import { useTheme } from "next-themes";

// sonner loads after the page, not in its first load; nobody acts before it is there.
const Toaster = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });

const noChanges = () => () => {};

/** The one place toasts appear (sonner), in the portal's current theme. */
export function AppToaster() {
  const { resolvedTheme } = useTheme();
  // Rendered only once mounted: on the server, a client-only component throws to bail out of the
  // render, and every page (the sign-in page too) paid for that error and its empty boundary.
  const inBrowser = useSyncExternalStore(
    noChanges,
    () => true,
    () => false,
  );
  if (!inBrowser) return null;
  return <Toaster theme={resolvedTheme === "dark" ? "dark" : "light"} position="bottom-right" richColors closeButton />;
}
