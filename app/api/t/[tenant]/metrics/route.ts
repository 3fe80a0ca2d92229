// GET /api/t/[tenant]/metrics — one metric of this tenant, downsampled, for the whole tenant or one resource
import { routeHandler } from "@/lib/api/route-handler";
import { parseMetricsQuery } from "@/lib/telemetry/metric-input";
import { queryTenantMetrics } from "@/lib/telemetry/tenant-telemetry";

const noStore = { "cache-control": "no-store" };

export const GET = routeHandler("/api/t/[tenant]/metrics", async (request, { db, tenant }) => {
  const parsed = parseMetricsQuery(Object.fromEntries(new URL(request.url).searchParams), new Date());
  if (!parsed.ok) return Response.json({ error: parsed.error }, { status: 400, headers: noStore });
  return Response.json(await queryTenantMetrics(db, tenant, parsed.query), { headers: noStore });
});
