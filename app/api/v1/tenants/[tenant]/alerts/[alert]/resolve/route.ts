// POST /api/v1/tenants/[tenant]/alerts/[alert]/resolve — resolve an unresolved alert
import { serveApi } from "@/lib/api/v1/serve-api";
import { resolveAlert } from "@/lib/api/v1/routes/alerts-changes";

export const POST = serveApi(resolveAlert);
