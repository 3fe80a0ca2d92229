// GET /api/t/[tenant]/inventory — how fresh the tenant's inventory is, for the page waiting on a refresh
import { routeHandler } from "@/lib/api/route-handler";
import { freshnessSnapshot, readInventoryFreshness } from "@/lib/inventory/inventory-queries";

export const GET = routeHandler("/api/t/[tenant]/inventory", async (_request, { db, tenant }) => {
  const freshness = freshnessSnapshot(await readInventoryFreshness(db, tenant.id));
  return Response.json({ freshness, now: new Date().toISOString() }, { headers: { "cache-control": "no-store" } });
});
