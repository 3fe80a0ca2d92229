"use client";

import { useState } from "react";
import { setTenantFavorite } from "@/app/actions/tenant-shortcut-actions";
import { useCurrentTenant } from "@/components/current-tenant";

/** The star beside the tenant picker: adds the tenant being looked at to the picker's favourites, or takes it out. */
export function FavoriteTenantButton() {
  const { current, setCurrent } = useCurrentTenant();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!current) return null;

  async function toggle() {
    if (!current) return;
    const favorite = !current.favorite;
    setPending(true);
    setError(null);
    const result = await setTenantFavorite({ tenant: current.name, favorite }).catch(() => null);
    setPending(false);
    if (result?.ok) setCurrent({ ...current, favorite });
    else setError(result?.error ?? "The favourite was not saved. Try again.");
  }

  return (
    <span className="flex items-center gap-2">
      <button
        type="button"
        aria-pressed={current.favorite}
        aria-label={`Favourite ${current.name}`}
        title={current.favorite ? "Remove from favourites" : "Add to favourites"}
        disabled={pending}
        onClick={toggle}
        className={`rounded-md px-1.5 py-0.5 text-lg leading-none hover:bg-slate-100 disabled:opacity-60 ${current.favorite ? "text-amber-500" : "text-slate-400"}`}
      >
        <span aria-hidden="true">{current.favorite ? "★" : "☆"}</span>
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
