// DELETE /api/v1/tenants/[tenant]/resources/[kind]/[name] — delete a resource (202 with its operation)
import { serveApi } from "@/lib/api/v1/serve-api";
import { deleteResource } from "@/lib/api/v1/routes/resources-changes";

export const DELETE = serveApi(deleteResource);
