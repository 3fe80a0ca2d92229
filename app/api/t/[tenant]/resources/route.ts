// GET /api/t/[tenant]/resources — the tenant's resources by kind and name, for the command palette
import { routeHandler } from "@/lib/api/route-handler";
import { readTenantInventory } from "@/lib/inventory/inventory-queries";
import { toTenantResources } from "@/lib/resources/resource-kinds";

// From the inventory the workers keep, not the live cloud: the palette asks on every open.
export const GET = routeHandler("/api/t/[tenant]/resources", async (_request, { db, tenant }) => {
  const resources = toTenantResources((await readTenantInventory(db, tenant.id)).resources);
  return Response.json(
    { resources: resources.map(({ kind, name }) => ({ kind, name })) },
    { headers: { "cache-control": "no-store" } },
  );
});
