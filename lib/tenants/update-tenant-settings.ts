import { and, eq, ne, sql } from "drizzle-orm";
import { tenants, type Tenant } from "@/db/schema";
import type { ServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { startTenantOperation } from "@/lib/provisioning/operations";
import type { UpdateTenantSettingsInput } from "./tenant-lifecycle-input";

type Quota = NonNullable<Tenant["quota"]>;
type Change<T> = { from: T; to: T };
export type SettingsChanges = {
  deletionProtection?: Change<boolean>;
  expiresAt?: Change<string | null>;
  quota?: Change<Quota | null>;
};

/** A quota with no limit in it is no quota; keys in one order, so two equal quotas compare equal. */
function normalizeQuota(quota: Quota | null | undefined): Quota | null {
  if (!quota) return null;
  const { cpu, memory, pods } = quota;
  const kept = Object.fromEntries(Object.entries({ cpu, memory, pods }).filter(([, v]) => v !== undefined && v !== ""));
  return Object.keys(kept).length ? (kept as Quota) : null;
}

function diffSettings(tenant: Tenant, input: UpdateTenantSettingsInput): SettingsChanges {
  const changes: SettingsChanges = {};
  if (input.deletionProtection !== undefined && input.deletionProtection !== tenant.deletionProtection) {
    changes.deletionProtection = { from: tenant.deletionProtection, to: input.deletionProtection };
  }
  if (input.expiresAt !== undefined) {
    const from = tenant.expiresAt?.toISOString() ?? null;
    const to = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
    if (from !== to) changes.expiresAt = { from, to };
  }
  if (input.quota !== undefined) {
    const from = normalizeQuota(tenant.quota);
    const to = normalizeQuota(input.quota);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.quota = { from, to };
  }
  return changes;
}

/**
 * Changes protection, expiry and quota of a settled (ready or failed) tenant, and audits what
 * changed; asking for what is already so changes and audits nothing. A ready tenant's new quota
 * reaches its namespace through a provisioning run, which ensures every construct again with the
 * new limits (a failed tenant's retry does the same); the caller enqueues its operation.
 */
export async function updateTenantSettings(ctx: ServiceContext, input: UpdateTenantSettingsInput) {
  return ctx.db.transaction(async (tx) => {
    const [tenant] = await tx
      .select()
      .from(tenants)
      .where(and(eq(tenants.name, input.tenant), ne(tenants.status, "deleted")))
      .for("update");
    if (!tenant) throw new NotFoundError("That tenant does not exist.");
    if (tenant.status === "provisioning")
      throw new ConflictError(`${tenant.name} is still being provisioned; change its settings once that finishes.`);
    if (tenant.status === "deleting")
      throw new ConflictError(`${tenant.name} is being deleted; its settings can no longer change.`);
    const changes = diffSettings(tenant, input);
    if (Object.keys(changes).length === 0) return { changed: [] as string[], operationId: null };
    await tx
      .update(tenants)
      .set({
        ...(changes.deletionProtection && { deletionProtection: changes.deletionProtection.to }),
        ...(changes.expiresAt && { expiresAt: changes.expiresAt.to ? new Date(changes.expiresAt.to) : null }),
        ...(changes.quota && { quota: changes.quota.to }),
        updatedAt: sql`now()`,
      })
      .where(eq(tenants.id, tenant.id));
    const operationId =
      changes.quota && tenant.status === "ready" ? await startTenantOperation(tx, tenant.id, "provision") : null;
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "tenant.settings",
      tenantId: tenant.id,
      target: tenant.name,
      details: { ...changes, ...(operationId ? { operationId } : {}) },
      ip: ctx.ip,
    });
    return { changed: Object.keys(changes), operationId };
  });
}
