"use client";

import { useRef, useState } from "react";
import dynamic from "next/dynamic";
import { Menu } from "lucide-react";

// Radix's dialog loads on the first tap, not with every page.
const MobileMenuSheet = dynamic(() => import("./mobile-menu-sheet").then((m) => m.MobileMenuSheet), { ssr: false });

type Props = { showAdmin: boolean; name: string; email: string };

/**
 * Below the md breakpoint the side navigation is hidden; this menu gives the same links, plus the
 * account and sign-out the narrow header has no room for. Focus comes back to the button on close.
 */
export function MobileMenu(props: Props) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-label="Open menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
        className="rounded-md p-2 text-slate-600 hover:bg-slate-100 md:hidden"
      >
        <Menu aria-hidden="true" className="size-5" />
      </button>
      {loaded && (
        <MobileMenuSheet {...props} open={open} onOpenChange={setOpen} onClosed={() => button.current?.focus()} />
      )}
    </>
  );
}
