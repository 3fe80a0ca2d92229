// GET /api/v1/tenants/[tenant]/metrics — one metric of the tenant or one of its resources, as a series
import { serveApi } from "@/lib/api/v1/serve-api";
import { getMetrics } from "@/lib/api/v1/routes/metrics";

export const GET = serveApi(getMetrics);
