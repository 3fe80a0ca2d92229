// GET /api/t/[tenant]/operation — the tenant's latest operation (?scope=resource|share: of its resources, of its shares) with its steps, for the live progress panel
import { routeHandler } from "@/lib/api/route-handler";
import { getLatestOperation } from "@/lib/provisioning/operations";

export const GET = routeHandler("/api/t/[tenant]/operation", async (request, { db, tenant }) => {
  const asked = new URL(request.url).searchParams.get("scope");
  const scope = asked === "resource" || asked === "share" ? asked : "lifecycle";
  const operation = await getLatestOperation(db, tenant.id, scope);
  // The server's clock, so elapsed times do not depend on the browser's.
  return Response.json(
    { operation, tenantStatus: tenant.status, now: new Date().toISOString() },
    { headers: { "cache-control": "no-store" } },
  );
});
