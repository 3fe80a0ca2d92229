import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationChannels, notificationDeliveries, tenants } from "@/db/schema";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { ChannelIdInput, CreateChannelInput, SetChannelEnabledInput } from "./channel-input";
import { maskTarget } from "./mask-target";

export const maxChannelsPerTenant = 20;

export async function createChannel(ctx: TenantServiceContext<"id" | "name">, input: CreateChannelInput) {
  const { tenant } = ctx;
  return ctx.db.transaction(async (tx) => {
    // Locking the tenant makes the limit and the name check hold against concurrent creates.
    await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenant.id)).for("update");
    const existing = await tx
      .select({ name: notificationChannels.name })
      .from(notificationChannels)
      .where(eq(notificationChannels.tenantId, tenant.id));
    if (existing.length >= maxChannelsPerTenant)
      throw new ConflictError(
        `A tenant has at most ${maxChannelsPerTenant} channels. Delete one you no longer use first.`,
      );
    if (existing.some((c) => c.name.toLowerCase() === input.name.toLowerCase()))
      throw new ConflictError(`A channel named "${input.name}" already exists.`);
    const [channel] = await tx
      .insert(notificationChannels)
      .values({ tenantId: tenant.id, name: input.name, kind: input.kind, target: input.target })
      .returning({ id: notificationChannels.id });
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "channel.created",
      tenantId: tenant.id,
      target: input.name,
      details: { channelId: channel!.id, kind: input.kind, target: maskTarget(input.kind, input.target) },
      ip: ctx.ip,
    });
    return { id: channel!.id };
  });
}

/** Its queued messages go with it (the foreign key cascades). */
export async function deleteChannel(
  ctx: TenantServiceContext<"id" | "name">,
  input: Pick<ChannelIdInput, "channelId">,
) {
  const { tenant } = ctx;
  await ctx.db.transaction(async (tx) => {
    const [channel] = await tx.delete(notificationChannels).where(ownChannel(tenant.id, input.channelId)).returning();
    if (!channel) throw new NotFoundError("That channel does not exist.");
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "channel.deleted",
      tenantId: tenant.id,
      target: channel.name,
      details: { channelId: channel.id, kind: channel.kind },
      ip: ctx.ip,
    });
  });
}

/** Turning a channel off drops its queued messages, so turning it on again does not replay old alerts. */
export async function setChannelEnabled(
  ctx: TenantServiceContext<"id" | "name">,
  input: Pick<SetChannelEnabledInput, "channelId" | "enabled">,
) {
  const { tenant } = ctx;
  await ctx.db.transaction(async (tx) => {
    const [channel] = await tx
      .update(notificationChannels)
      .set({ enabled: input.enabled })
      .where(ownChannel(tenant.id, input.channelId))
      .returning();
    if (!channel) throw new NotFoundError("That channel does not exist.");
    if (!input.enabled) {
      await tx
        .update(notificationDeliveries)
        .set({ state: "failed", lastError: "The channel was turned off before this was sent." })
        .where(and(eq(notificationDeliveries.channelId, channel.id), eq(notificationDeliveries.state, "pending")));
    }
    const action = input.enabled ? "channel.enabled" : "channel.disabled";
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action,
      tenantId: tenant.id,
      target: channel.name,
      details: { channelId: channel.id },
      ip: ctx.ip,
    });
  });
}

/** For display: the target masked; lastError is cleared by the next message that gets through, lastErrorAt stays. */
export async function listChannels(db: Db, tenantId: string) {
  const rows = await db
    .select()
    .from(notificationChannels)
    .where(eq(notificationChannels.tenantId, tenantId))
    .orderBy(asc(notificationChannels.createdAt), asc(notificationChannels.name));
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    target: maskTarget(c.kind, c.target),
    enabled: c.enabled,
    lastError: c.lastError,
    lastErrorAt: c.lastErrorAt,
    lastDeliveredAt: c.lastDeliveredAt,
    createdAt: c.createdAt,
  }));
}
export type ChannelRow = Awaited<ReturnType<typeof listChannels>>[number];

export function ownChannel(tenantId: string, channelId: string) {
  return and(eq(notificationChannels.id, channelId), eq(notificationChannels.tenantId, tenantId));
}
