// GET /api/v1/tenants/[tenant]/operations/[operation] — an operation with its steps, to poll
import { serveApi } from "@/lib/api/v1/serve-api";
import { getOperation } from "@/lib/api/v1/routes/operations";

export const GET = serveApi(getOperation);
