// GET /api/me — the signed-in user and the tenants they can reach
import { routeHandler } from "@/lib/api/route-handler";
import { accessLabel } from "@/lib/auth/policy";
import { listVisibleTenants } from "@/lib/tenants/queries";

export const GET = routeHandler("/api/me", async (_request, { db, actor }) => {
  const tenants = await listVisibleTenants(db, actor);
  return Response.json({
    id: actor.id,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    tenants: tenants.map((t) => ({ name: t.name, status: t.status, access: accessLabel(actor, t.id) })),
  });
});
