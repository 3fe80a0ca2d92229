// GET /api/v1/infrastructures — where tenants can be created (administrators and auditors)
import { serveApi } from "@/lib/api/v1/serve-api";
import { listInfrastructuresRoute } from "@/lib/api/v1/routes/infrastructures";

export const GET = serveApi(listInfrastructuresRoute);
