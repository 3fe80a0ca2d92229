// GET /api/t/[tenant] — one tenant's summary, for a user who may read it
import { routeHandler } from "@/lib/api/route-handler";
import { accessLabel } from "@/lib/auth/policy";

export const GET = routeHandler("/api/t/[tenant]", async (_request, { actor, tenant }) => {
  return Response.json({
    name: tenant.name,
    status: tenant.status,
    infrastructure: { name: tenant.infrastructure, driver: tenant.driver, region: tenant.region },
    deletionProtection: tenant.deletionProtection,
    expiresAt: tenant.expiresAt,
    createdAt: tenant.createdAt,
    yourAccess: accessLabel(actor, tenant.id),
  });
});
