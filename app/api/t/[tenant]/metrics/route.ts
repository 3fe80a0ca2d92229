// GET /api/t/[tenant]/metrics — one metric of this tenant, downsampled, for the whole tenant or one resource
import { getDb } from "@/db";
import { routeHandler } from "@/lib/api/route-handler";
import { parseMetricsQuery } from "@/lib/telemetry/metric-input";
import { queryMetrics } from "@/lib/telemetry/metric-queries";

const noStore = { "cache-control": "no-store" };

export const GET = routeHandler("/api/t/[tenant]/metrics", async (request, { tenant }) => {
  const parsed = parseMetricsQuery(Object.fromEntries(new URL(request.url).searchParams), new Date());
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400, headers: noStore });
  return Response.json(await queryMetrics(await getDb(), tenant.id, parsed.query), { headers: noStore });
});
