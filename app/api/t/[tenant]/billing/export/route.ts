// GET /api/t/[tenant]/billing/export?month=YYYY-MM — this tenant's daily cost by service for a month, as CSV
import { routeHandler } from "@/lib/api/route-handler";
import { costCsv } from "@/lib/billing/cost-csv";
import { dailyCostByService } from "@/lib/billing/cost-queries";
import { billingMonth, monthRange } from "@/lib/billing/billing-month";

export const GET = routeHandler("/api/t/[tenant]/billing/export", async (request, { db, tenant }) => {
  const month = billingMonth(new URL(request.url).searchParams.get("month"));
  if (!month.ok)
    return Response.json({ error: month.error }, { status: 400, headers: { "cache-control": "no-store" } });
  const { from, to } = monthRange(month.month);
  const rows = await dailyCostByService(db, tenant.id, from, to);
  return new Response(costCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="enclave-${tenant.name}-costs-${month.month}.csv"`,
      "cache-control": "no-store",
    },
  });
});
