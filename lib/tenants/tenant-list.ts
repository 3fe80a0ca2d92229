import { asc, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { infrastructures, tenants } from "@/db/schema";
import type { Actor } from "@/lib/context/actor";
import { tenantSummary, type TenantSummary } from "@/lib/context/find-tenant";
import { visibleTenantsWhere } from "./queries";

export const tenantsPageSize = 50;

// Read from the URL: anything unexpected shows the first page rather than an error.
const tenantListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.number().int().min(1).max(200).catch(tenantsPageSize),
});

export type TenantListPage = {
  rows: TenantSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

/** One page of the tenants this actor may see, by name, with how many there are: two queries. */
export async function listVisibleTenantsPage(
  db: Db,
  actor: Actor,
  query: { page?: unknown; pageSize?: unknown } = {},
): Promise<TenantListPage> {
  const { page, pageSize } = tenantListQuery.parse(query);
  const visible = visibleTenantsWhere(actor);
  if (!visible) return { rows: [], total: 0, page: 1, pageSize, pageCount: 1 };
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(tenants).where(visible);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pageCount);
  const rows = await db
    .select(tenantSummary)
    .from(tenants)
    .innerJoin(infrastructures, eq(infrastructures.id, tenants.infrastructureId))
    .where(visible)
    .orderBy(asc(tenants.name))
    .limit(pageSize)
    .offset((current - 1) * pageSize);
  return { rows, total, page: current, pageSize, pageCount };
}
