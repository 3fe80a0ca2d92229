// PUT/DELETE /api/v1/tenants/[tenant]/grants/[user] — give, change or revoke a user's direct grant
import { serveApi } from "@/lib/api/v1/serve-api";
import { deleteGrant, putGrant } from "@/lib/api/v1/routes/grants";

export const PUT = serveApi(putGrant);
export const DELETE = serveApi(deleteGrant);
