import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { countUnresolvedAlerts } from "@/lib/alerts/alert-queries";

/** The tenant's unresolved alerts, read once per request: the tenant layout's badge and the overview show the same count. */
export const tenantAlertCount = cache(async (tenantId: string) => countUnresolvedAlerts(await getDb(), tenantId));
