// GET /api/v1/tenants/[tenant]/grants — who has access to the tenant
import { serveApi } from "@/lib/api/v1/serve-api";
import { listGrants } from "@/lib/api/v1/routes/grants";

export const GET = serveApi(listGrants);
