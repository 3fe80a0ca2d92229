import { z } from "zod";
import { neverRead, readTenantInventory } from "@/lib/inventory/inventory-queries";
import { requestInventoryRefresh } from "@/lib/inventory/request-inventory-refresh";
import { toTenantResources, type TenantResource } from "@/lib/resources/resource-kinds";
import { defineApiRoute } from "../define-route";
import { decodeCursor, encodeCursor } from "../schemas/page";
import { resourceList, resourceListQuery } from "../schemas/resources";

const sortKey = (r: TenantResource): [string, string, string] => [r.kind, r.name, r.id];
const before = (a: string[], b: string[]) => a.join("\u0000") < b.join("\u0000");
const cursorKey = z.tuple([z.string(), z.string(), z.string()]);

export const listResources = defineApiRoute({
  operation: "GET /api/v1/tenants/[tenant]/resources",
  tag: "Resources",
  summary: "List the tenant's resources",
  description:
    "From the inventory the workers keep (refreshedAt says how fresh), not the live cloud; sorted by kind and name.",
  query: resourceListQuery,
  response: resourceList,
  async handle({ db, tenant }, { query }) {
    const view = await readTenantInventory(db, tenant.id);
    // As the resources page does: a tenant never listed gets its first listing asked for.
    if (neverRead(view.freshness)) await requestInventoryRefresh(db, tenant.id);
    const after = decodeCursor(query.cursor, cursorKey);
    const sorted = toTenantResources(view.resources).sort((a, b) => (before(sortKey(a), sortKey(b)) ? -1 : 1));
    const rest = after ? sorted.filter((r) => before(after, sortKey(r))) : sorted;
    const page = rest.slice(0, query.limit);
    return {
      items: page.map((r) => ({
        kind: r.kind,
        name: r.name,
        id: r.id,
        status: r.status ?? null,
        createdAt: r.createdAt ?? null,
        tags: r.tags ?? {},
        attributes: r.attributes,
      })),
      nextCursor: rest.length > page.length ? encodeCursor(sortKey(page.at(-1)!)) : null,
      refreshedAt: view.freshness?.refreshedAt?.toISOString() ?? null,
    };
  },
});
