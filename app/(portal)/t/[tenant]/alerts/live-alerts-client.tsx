"use client";

import { useAlertSummary } from "@/components/query/use-alert-summary";
import { useRefreshOnChange } from "@/components/query/use-refresh-on-change";

/** Keeps the server-rendered alert list current: when an alert opens, is acknowledged or resolves, the list is read again. */
export function LiveAlerts({ tenant, changedAt }: { tenant: string; changedAt: string | null }) {
  useRefreshOnChange(useAlertSummary(tenant).data?.changedAt, changedAt);
  return null;
}
