import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { requireActor } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/policy";
import { findTenantByName } from "./queries";

/**
 * The tenant named in the URL, if the signed-in actor holds the permission on it.
 * A tenant the actor may not see answers exactly like one that does not exist.
 */
export const requireTenant = cache(async (name: string, permission: Permission = "tenant:read") => {
  const actor = await requireActor();
  const tenant = await findTenantByName(await getDb(), name);
  if (!tenant || !can(actor, "tenant:read", tenant.id) || !can(actor, permission, tenant.id)) notFound();
  return { actor, tenant };
});

export async function requireAdminArea(permission: Permission = "admin:read") {
  const actor = await requireActor();
  if (!can(actor, permission)) notFound();
  return actor;
}
