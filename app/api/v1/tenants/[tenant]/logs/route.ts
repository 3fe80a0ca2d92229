// GET /api/v1/tenants/[tenant]/logs — search the tenant's logs, newest first
import { serveApi } from "@/lib/api/v1/serve-api";
import { searchLogs } from "@/lib/api/v1/routes/logs";

export const GET = serveApi(searchLogs);
