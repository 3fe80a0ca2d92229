import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationChannels, notificationDeliveries } from "@/db/schema";

/**
 * Queues one message per enabled channel of the tenant for an alert's state change. Call it with
 * the transaction that records the alert event, so the event and its messages commit together.
 */
export async function enqueueDeliveries(tx: Db, input: { tenantId: string; alertEventId: string }): Promise<number> {
  const channels = await tx
    .select({ id: notificationChannels.id })
    .from(notificationChannels)
    .where(and(eq(notificationChannels.tenantId, input.tenantId), eq(notificationChannels.enabled, true)));
  if (channels.length === 0) return 0;
  const queued = await tx
    .insert(notificationDeliveries)
    .values(channels.map((c) => ({ tenantId: input.tenantId, channelId: c.id, alertEventId: input.alertEventId })))
    .onConflictDoNothing({ target: [notificationDeliveries.channelId, notificationDeliveries.alertEventId] })
    .returning({ id: notificationDeliveries.id });
  return queued.length;
}
