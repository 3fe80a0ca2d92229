// GET /api/v1/tenants/[tenant]/costs — a month's cost of the tenant by service
import { serveApi } from "@/lib/api/v1/serve-api";
import { getCosts } from "@/lib/api/v1/routes/costs";

export const GET = serveApi(getCosts);
