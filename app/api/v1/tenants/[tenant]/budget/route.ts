// GET, PUT, DELETE /api/v1/tenants/[tenant]/budget — the tenant's monthly budget
import { serveApi } from "@/lib/api/v1/serve-api";
import { deleteBudget, getBudget, putBudget } from "@/lib/api/v1/routes/budget";

export const GET = serveApi(getBudget);
export const PUT = serveApi(putBudget);
export const DELETE = serveApi(deleteBudget);
