// GET /api/v1/me — who a token acts for
import { serveApi } from "@/lib/api/v1/serve-api";
import { getMe } from "@/lib/api/v1/routes/me";

export const GET = serveApi(getMe);
