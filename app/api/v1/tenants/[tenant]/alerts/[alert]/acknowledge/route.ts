// POST /api/v1/tenants/[tenant]/alerts/[alert]/acknowledge — acknowledge an open alert
import { serveApi } from "@/lib/api/v1/serve-api";
import { acknowledgeAlert } from "@/lib/api/v1/routes/alerts-changes";

export const POST = serveApi(acknowledgeAlert);
