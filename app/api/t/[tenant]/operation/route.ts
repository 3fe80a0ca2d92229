// GET /api/t/[tenant]/operation — the tenant's latest operation (?scope=resource: of its resources) with its steps, for the live progress panel
import { routeHandler } from "@/lib/api/route-handler";
import { getLatestOperation } from "@/lib/provisioning/operations";

export const GET = routeHandler("/api/t/[tenant]/operation", async (request, { db, tenant }) => {
  const scope = new URL(request.url).searchParams.get("scope") === "resource" ? "resource" : "lifecycle";
  const operation = await getLatestOperation(db, tenant.id, scope);
  // The server's clock, so elapsed times do not depend on the browser's.
  return Response.json(
    { operation, tenantStatus: tenant.status, now: new Date().toISOString() },
    { headers: { "cache-control": "no-store" } },
  );
});
