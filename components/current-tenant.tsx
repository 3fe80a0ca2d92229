"use client";

import { createContext, useContext, useMemo, useState } from "react";
import { usePathname } from "next/navigation";
import { parseTenantPath } from "./nav-items";

export type CurrentTenant = { name: string; unresolvedAlerts: number; favorite: boolean };
type Store = { current: CurrentTenant | null; setCurrent: (next: CurrentTenant | null) => void };

const CurrentTenantContext = createContext<Store>({ current: null, setCurrent: () => {} });

/**
 * The tenant being looked at, as its own layout read it (one tenant's facts, not every tenant's):
 * the portal shell above it (side nav badge, favourite star) reads it from here.
 */
export function CurrentTenantProvider({ children }: { children: React.ReactNode }) {
  const [current, setCurrent] = useState<CurrentTenant | null>(null);
  const store = useMemo(() => ({ current, setCurrent }), [current]);
  return <CurrentTenantContext.Provider value={store}>{children}</CurrentTenantContext.Provider>;
}

/** The current tenant's facts, once its layout has reported them and while the URL is still in it. */
export function useCurrentTenant(): Store {
  const store = useContext(CurrentTenantContext);
  const inPath = parseTenantPath(usePathname())?.tenant;
  return { current: store.current?.name === inPath ? store.current : null, setCurrent: store.setCurrent };
}
