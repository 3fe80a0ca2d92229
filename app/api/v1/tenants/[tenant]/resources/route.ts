// GET, POST /api/v1/tenants/[tenant]/resources — the tenant's resources; create one (202 with its operation)
import { serveApi } from "@/lib/api/v1/serve-api";
import { listResources } from "@/lib/api/v1/routes/resources";
import { createResource } from "@/lib/api/v1/routes/resources-changes";

export const GET = serveApi(listResources);
export const POST = serveApi(createResource);
