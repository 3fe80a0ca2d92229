"use client";

import { useEffect } from "react";
import { recordTenantVisit } from "@/app/actions/tenant-shortcut-actions";
import { useCurrentTenant, type CurrentTenant } from "@/components/current-tenant";

/** Rendered by a tenant's layout: hands its facts to the shell, and counts a visit for the picker's recent list. */
export function CurrentTenantReport({ name, unresolvedAlerts, favorite }: CurrentTenant) {
  const { setCurrent } = useCurrentTenant();
  useEffect(() => {
    setCurrent({ name, unresolvedAlerts, favorite });
  }, [setCurrent, name, unresolvedAlerts, favorite]);
  useEffect(() => {
    // Only from a browser that shows the tenant: a prefetch renders the layout without running this.
    recordTenantVisit({ tenant: name }).catch(() => {});
  }, [name]);
  return null;
}
