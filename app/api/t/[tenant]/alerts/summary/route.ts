// GET /api/t/[tenant]/alerts/summary — the unresolved count and last change, for the badge and the live alerts list
import { routeHandler } from "@/lib/api/route-handler";
import { readAlertSummary } from "@/lib/alerts/alert-summary";

export const GET = routeHandler("/api/t/[tenant]/alerts/summary", async (_request, { db, tenant }) =>
  Response.json(await readAlertSummary(db, tenant.id), { headers: { "cache-control": "no-store" } }),
);
