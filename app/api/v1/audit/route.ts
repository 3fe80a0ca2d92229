// GET /api/v1/audit — the audit log, newest first, for administrators and auditors
import { serveApi } from "@/lib/api/v1/serve-api";
import { listAuditEvents } from "@/lib/api/v1/routes/audit";

export const GET = serveApi(listAuditEvents);
