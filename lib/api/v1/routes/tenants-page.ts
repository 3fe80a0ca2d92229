import { and, asc, eq, gt, ilike } from "drizzle-orm";
import type { Db } from "@/db/client";
import { escapeLike } from "@/db/escape-like";
import { infrastructures, tenants } from "@/db/schema";
import type { Actor } from "@/lib/context/actor";
import { tenantSummary } from "@/lib/context/find-tenant";
import { visibleTenantsWhere } from "@/lib/tenants/queries";

/**
 * A page of the tenants the actor may see, by name after `after`: a keyset, so tenants made or
 * deleted between two pages neither repeat nor hide the ones that were there. One extra row says
 * whether another page follows.
 */
export async function visibleTenantsAfter(
  db: Db,
  actor: Actor,
  { after, q, limit }: { after: string | null; q?: string; limit: number },
) {
  const visible = visibleTenantsWhere(actor);
  if (!visible) return { rows: [], more: false };
  const rows = await db
    .select(tenantSummary)
    .from(tenants)
    .innerJoin(infrastructures, eq(infrastructures.id, tenants.infrastructureId))
    .where(
      and(
        visible,
        after === null ? undefined : gt(tenants.name, after),
        q ? ilike(tenants.name, `%${escapeLike(q)}%`) : undefined,
      ),
    )
    .orderBy(asc(tenants.name))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
