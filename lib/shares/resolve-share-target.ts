import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants, type ShareResourceKind, type Tenant } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import { driverForInfrastructureId } from "@/lib/cloud";
import type { Actor } from "@/lib/context/actor";
import type { CloudDriver } from "@/lib/cloud/contract";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";

type Target = { owner: string; kind: ShareResourceKind; resource: string };

/** The names a user may give a resource: its cloud name, or the short name the portal prefixed with the tenant. */
export const cloudNameCandidates = (owner: string, name: string) => [name, `enclave-${owner}-${name}`];

/**
 * The owner tenant and the resource's cloud name. A tenant that does not exist, one the actor cannot
 * see and a resource that is not there all answer the same not-found, so nothing can be probed.
 */
export async function resolveShareTarget(
  db: Db,
  actor: Actor,
  grantee: Pick<Tenant, "id" | "name" | "status" | "infrastructureId">,
  target: Target,
  driverOverride?: CloudDriver,
): Promise<{ owner: Tenant; resourceName: string }> {
  const missing = new NotFoundError(`There is no ${target.kind} ${target.resource} in ${target.owner}.`);
  const [owner] = await db
    .select()
    .from(tenants)
    .where(and(eq(tenants.name, target.owner), ne(tenants.status, "deleted")));
  if (!owner || !can(actor, "tenant:read", owner.id)) throw missing;
  if (owner.id === grantee.id)
    throw new InvalidInputError("A tenant already reaches its own resources; name another tenant's.");
  if (owner.infrastructureId !== grantee.infrastructureId)
    throw new InvalidInputError("Both tenants must live in the same infrastructure to share a resource.");
  for (const t of [owner, grantee])
    if (t.status !== "ready") throw new ConflictError(`Shares need both tenants ready; ${t.name} is ${t.status}.`);
  const driver = driverOverride ?? (await driverForInfrastructureId(db, owner.infrastructureId));
  const names = cloudNameCandidates(owner.name, target.resource);
  const found = (await driver.listTenantResources(owner.name)).find(
    (r) => r.kind === target.kind && names.includes(r.name),
  );
  if (!found) throw missing;
  return { owner, resourceName: found.name };
}
