"use client";

import { useEffect, useEffectEvent, useId, useRef, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { parseTenantPath, tenantHref } from "../nav-items";
import { pickerGroups, type PickerOption } from "./picker-options";
import { usePickerResults } from "./use-picker-results";

/**
 * The tenant switcher: a button that opens a search box over the user's tenants (favourites and
 * recent ones first), fetched a page at a time. A WAI-ARIA combobox: arrows move, Enter opens the
 * tenant (keeping the sub-page), Escape closes.
 */
export function TenantPicker() {
  const pathname = usePathname();
  const router = useRouter();
  const current = parseTenantPath(pathname);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const { page, fresh, loading, error, settle, loadMore, reset } = usePickerResults(open, query);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  const groups = pickerGroups(page, query, listId);
  const options = groups.flatMap((g) => g.options);
  const activeOption = options[Math.min(active, options.length - 1)];

  function close(returnFocus: boolean) {
    setOpen(false);
    setQuery("");
    setActive(0);
    reset();
    if (returnFocus) trigger.current?.focus();
  }

  function choose(option: PickerOption) {
    if ("more" in option) return loadMore();
    close(false);
    router.push(tenantHref(option.tenant.name, current?.segment ?? ""));
  }

  // Enter before the answer to what was just typed: wait for it and take its first tenant.
  async function chooseFirstWhenSettled() {
    const settled = await settle();
    const first = settled && [...settled.favorites, ...settled.recent, ...settled.results][0];
    if (first) choose({ id: first.name, tenant: first });
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in moves && options.length > 0) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(options.length - 1, options.indexOf(activeOption!) + moves[event.key]!)));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!fresh) void chooseFirstWhenSettled();
      else if (activeOption) choose(activeOption);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") {
      close(false);
    }
  }

  const onPointerDown = useEffectEvent((event: PointerEvent) => {
    if (!root.current?.contains(event.target as Node)) close(false);
  });
  useEffect(() => {
    if (!open) return;
    input.current?.focus();
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  useEffect(() => {
    if (activeOption) document.getElementById(activeOption.id)?.scrollIntoView({ block: "nearest" });
  }, [activeOption]);

  const search = query.trim();
  const status =
    error ??
    (!page
      ? loading
        ? "Loading tenants…"
        : ""
      : options.length === 0 && fresh
        ? search
          ? `No tenant matches “${search}”.`
          : "You have no tenants yet."
        : "");
  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        title="Switch tenant"
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className="flex items-center gap-2 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 hover:bg-slate-50"
      >
        <span className="text-slate-500">Tenant</span>{" "}
        <span className="font-medium">{current?.tenant ?? "Choose a tenant…"}</span>
        <span aria-hidden="true" className="text-slate-400">
          ▾
        </span>
      </button>
      {open && (
        <div
          role="dialog"
          aria-label="Switch tenant"
          className="absolute top-full left-0 z-20 mt-1 w-80 rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
        >
          <input
            ref={input}
            role="combobox"
            aria-label="Search tenants"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeOption?.id}
            autoComplete="off"
            spellCheck={false}
            placeholder="Search by name"
            className="input"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <div
            id={listId}
            role="listbox"
            aria-label="Tenants"
            aria-busy={!fresh}
            className={`mt-2 max-h-80 overflow-y-auto ${fresh ? "" : "opacity-60"}`}
          >
            {groups.map((group) => (
              <div key={group.key} role="group" aria-labelledby={`${listId}-${group.key}`}>
                <div
                  role="presentation"
                  id={`${listId}-${group.key}`}
                  className="px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase"
                >
                  {group.label}
                </div>
                {group.options.map((option) => (
                  <div
                    key={option.id}
                    id={option.id}
                    role="option"
                    aria-selected={option === activeOption}
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseMove={() => setActive(options.indexOf(option))}
                    onClick={() => choose(option)}
                    className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm ${option === activeOption ? "bg-brand-50 text-brand-700" : "text-slate-700"}`}
                  >
                    {"more" in option ? (
                      <span className="text-slate-500">{loading ? "Loading…" : "Show more tenants"}</span>
                    ) : (
                      <>
                        <span className="font-medium">{option.tenant.name}</span>
                        {option.tenant.status !== "ready" && (
                          <span className="text-xs text-slate-500">{option.tenant.status}</span>
                        )}
                        {option.tenant.favorite && group.key !== "favorites" && (
                          <span aria-hidden="true" className="ml-auto text-amber-500">
                            ★
                          </span>
                        )}
                      </>
                    )}
                  </div>
                ))}
              </div>
            ))}
          </div>
          <p role="status" className={status ? "px-2 py-1.5 text-sm text-slate-500" : "sr-only"}>
            {status}
          </p>
        </div>
      )}
    </div>
  );
}
