// GET /api/admin/audit/export?actor=&action=&tenant=&from=&to=&sort=&dir= — the audit events these filters match, as CSV
import { routeHandler } from "@/lib/api/route-handler";
import { auditCsvStream } from "@/lib/audit/audit-csv";
import { auditFilters } from "@/lib/audit/queries";

export const GET = routeHandler("/api/admin/audit/export", async (request, { db }) => {
  const filters = auditFilters.omit({ page: true }).parse(Object.fromEntries(new URL(request.url).searchParams));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(auditCsvStream(db, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="enclave-audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
});
