import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ssoGroupMappings, tenants } from "@/db/schema";

export type GroupMappingRow = Awaited<ReturnType<typeof listGroupMappings>>[number];

/** Every SSO group mapping with its tenant's name, by group. */
export async function listGroupMappings(db: Db) {
  return db
    .select({
      id: ssoGroupMappings.id,
      group: ssoGroupMappings.group,
      role: ssoGroupMappings.role,
      tenant: tenants.name,
      level: ssoGroupMappings.level,
      createdAt: ssoGroupMappings.createdAt,
    })
    .from(ssoGroupMappings)
    .leftJoin(tenants, eq(tenants.id, ssoGroupMappings.tenantId))
    .orderBy(asc(ssoGroupMappings.group), asc(ssoGroupMappings.createdAt));
}

/** What a mapping gives, in words: "admin role", "read on stage". */
export function describeMappingTarget(row: Pick<GroupMappingRow, "role" | "tenant" | "level">): string {
  return row.role ? `${row.role} role` : `${row.level} on ${row.tenant ?? "a deleted tenant"}`;
}
