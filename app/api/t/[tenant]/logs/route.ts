// GET /api/t/[tenant]/logs — search this tenant's logs, newest first, or download the result
import { routeHandler } from "@/lib/api/route-handler";
import { exportHeaders, formatLogExport } from "@/lib/telemetry/log-export";
import { describeQueryError, logQuery, logWindow, maxDownloadLines, queryObject } from "@/lib/telemetry/log-filters";
import { searchTenantLogs } from "@/lib/telemetry/tenant-telemetry";

const badRequest = (error: string) =>
  Response.json({ error }, { status: 400, headers: { "cache-control": "no-store" } });

export const GET = routeHandler("/api/t/[tenant]/logs", async (request, { db, tenant }) => {
  const parsed = logQuery.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) return badRequest(describeQueryError(parsed.error));
  const query = parsed.data;
  const format = query.format ?? "json";
  const search = {
    ...logWindow(query),
    text: query.q,
    level: query.level,
    resource: query.resource,
    cursor: query.cursor,
  };
  if (format === "json") {
    const page = await searchTenantLogs(db, tenant, { ...search, limit: query.limit ?? 100 });
    return Response.json(page, { headers: { "cache-control": "no-store" } });
  }
  const { lines } = await searchTenantLogs(db, tenant, { ...search, limit: maxDownloadLines });
  return new Response(formatLogExport(lines, format), { headers: exportHeaders(tenant.name, format) });
});
