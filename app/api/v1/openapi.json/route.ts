// GET /api/v1/openapi.json — the OpenAPI 3.1 document of /api/v1 (public)
import { serveApi } from "@/lib/api/v1/serve-api";
import { getOpenApiDocument } from "@/lib/api/v1/routes";

export const GET = serveApi(getOpenApiDocument);
