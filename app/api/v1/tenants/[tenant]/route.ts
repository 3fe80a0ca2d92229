// GET/PATCH/DELETE /api/v1/tenants/[tenant] — one tenant: read it, change its settings, delete it
import { serveApi } from "@/lib/api/v1/serve-api";
import { deleteTenantRoute, getTenant, updateTenantRoute } from "@/lib/api/v1/routes/tenants-item";

export const GET = serveApi(getTenant);
export const PATCH = serveApi(updateTenantRoute);
export const DELETE = serveApi(deleteTenantRoute);
