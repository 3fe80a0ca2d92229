"use client";

import { useEffect, useState } from "react";
import dynamic from "next/dynamic";
import { Search } from "lucide-react";

// cmdk and its dialog load on the first open, not with every page.
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });

function typingInField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** The header's search button; ⌘K, Ctrl+K, or "/" outside a text field open the palette too. */
export function CommandPaletteTrigger({ showAdmin }: { showAdmin: boolean }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const shortcut = event.key.toLowerCase() === "k" && (event.metaKey || event.ctrlKey);
      const slash = event.key === "/" && !event.metaKey && !event.ctrlKey && !typingInField(event.target);
      if (!shortcut && !slash) return;
      event.preventDefault();
      setLoaded(true);
      setOpen((was) => (shortcut ? !was : true));
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  // The ⌘K hint sits over the button, not in it: a button's visible words must be in its name.
  return (
    <div className="relative">
      <button
        type="button"
        aria-label="Search and go to…"
        aria-keyshortcuts="Meta+K Control+K /"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
        className="flex items-center gap-2 rounded-md border border-slate-300 bg-white p-2 text-sm text-slate-500 hover:bg-slate-50 sm:px-3 sm:py-1.5 lg:pr-12"
      >
        <Search aria-hidden="true" className="size-4" />
        <span className="hidden sm:inline">Search</span>
      </button>
      <kbd
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 hidden -translate-y-1/2 rounded border border-slate-200 px-1 font-sans text-xs text-slate-500 lg:inline"
      >
        ⌘K
      </kbd>
      {loaded && <CommandPalette open={open} onOpenChange={setOpen} showAdmin={showAdmin} />}
    </div>
  );
}
