"use client";

import dynamic from "next/dynamic";
import { useTheme } from "next-themes";
import { browserOnly } from "@/components/browser-only";

// sonner loads after the page, not in its first load; nobody acts before it is there.
const Toaster = browserOnly(dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false }));

/** The one place toasts appear (sonner), in the portal's current theme. */
export function AppToaster() {
  const { resolvedTheme } = useTheme();
  return <Toaster theme={resolvedTheme === "dark" ? "dark" : "light"} position="bottom-right" richColors closeButton />;
}
