// GET /api/v1/tenants/[tenant]/alerts — the tenant's alerts, newest first
import { serveApi } from "@/lib/api/v1/serve-api";
import { listAlerts } from "@/lib/api/v1/routes/alerts";

export const GET = serveApi(listAlerts);
