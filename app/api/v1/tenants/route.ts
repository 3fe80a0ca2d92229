// GET /api/v1/tenants — the tenants a token may see; POST — create one and start provisioning it
import { serveApi } from "@/lib/api/v1/serve-api";
import { createTenantRoute, listTenants } from "@/lib/api/v1/routes/tenants";

export const GET = serveApi(listTenants);
export const POST = serveApi(createTenantRoute);
