import { z } from "zod";
import { alertsAfter, type AlertRow } from "@/lib/alerts/alert-queries";
import { defineApiRoute } from "../define-route";
import { decodeCursor, encodeCursor } from "../schemas/page";
import { alertList, alertListQuery } from "../schemas/alerts";

const cursorKey = z.uuid();
const iso = (at: Date | null) => at?.toISOString() ?? null;

/** An alert as the API shows it: its times as ISO strings. */
export const toApiAlert = (row: AlertRow) => ({
  id: row.id,
  title: row.title,
  source: row.source!,
  ruleId: row.ruleId,
  severity: row.severity!,
  resource: row.resource,
  state: row.state!,
  value: row.value,
  openedAt: row.openedAt!.toISOString(),
  acknowledgedAt: iso(row.acknowledgedAt),
  acknowledgedBy: row.acknowledgedBy,
  resolvedAt: iso(row.resolvedAt),
  resolvedBy: row.resolvedBy,
});

export const listAlerts = defineApiRoute({
  operation: "GET /api/v1/tenants/[tenant]/alerts",
  tag: "Alerts",
  summary: "List the tenant's alerts",
  description: "Newest first; the unresolved ones unless state says otherwise.",
  query: alertListQuery,
  response: alertList,
  async handle({ db, tenant }, { query }) {
    const after = decodeCursor(query.cursor, cursorKey);
    const rows = await alertsAfter(db, tenant.id, query, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toApiAlert),
      nextCursor: rows.length > page.length ? encodeCursor(page.at(-1)!.id) : null,
    };
  },
});
