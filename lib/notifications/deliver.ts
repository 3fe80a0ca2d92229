import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notificationChannels, notificationDeliveries } from "@/db/schema";
import { claimDueDeliveries, loadDeliveryNotices, type DeliveryClaim } from "./claim-deliveries";
import { alertMessage } from "./messages";
import { describeSendError } from "./describe-send-error";
import { sendMessage, type SendMessage } from "./send-message";

export interface DeliverOptions {
  now?: Date;
  limit?: number;
  timeoutMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  send?: SendMessage;
  /** Only this tenant's messages: for tests sharing a database with other runs. */
  tenantId?: string;
}
type Outcome = "delivered" | "retried" | "failed" | "skipped";

/** Sends the messages that are due, at once and each within the timeout, and records how each went. */
export async function deliverDueNotifications(db: Db, options: DeliverOptions = {}) {
  const now = options.now ?? new Date();
  const timeoutMs = options.timeoutMs ?? 5_000;
  const leaseUntil = new Date(now.getTime() + timeoutMs + 60_000);
  const claims = await claimDueDeliveries(db, {
    now,
    leaseUntil,
    limit: options.limit ?? 50,
    tenantId: options.tenantId,
  });
  if (claims.length === 0) return { delivered: 0, retried: 0, failed: 0 };
  const found = await loadDeliveryNotices(
    db,
    claims.map((c) => c.id),
  );
  const outcomes = await Promise.all(
    claims.map(async (claim): Promise<Outcome> => {
      const target = found.get(claim.id);
      if (!target) return "skipped";
      if (!target.channel.enabled)
        return finish(db, claim, null, {
          state: "failed",
          lastError: "The channel was turned off before this was sent.",
        });
      try {
        await (options.send ?? sendMessage)(
          target.channel,
          alertMessage(target.channel.kind, target.notice),
          timeoutMs,
        );
      } catch (error) {
        const lastError = describeSendError(error, timeoutMs);
        const channel = { id: target.channel.id, set: { lastError, lastErrorAt: now } };
        // attempts already counts this one: the claim added it.
        if (claim.attempts >= (options.maxAttempts ?? 8))
          return finish(db, claim, channel, { state: "failed", lastError });
        const delay = backoffMs(claim.attempts, options.baseDelayMs ?? 2_000, options.maxDelayMs ?? 300_000);
        return finish(db, claim, channel, { lastError, nextAttemptAt: new Date(now.getTime() + delay) });
      }
      return finish(
        db,
        claim,
        { id: target.channel.id, set: { lastError: null, lastDeliveredAt: now } },
        { state: "delivered", deliveredAt: now, lastError: null },
      );
    }),
  );
  return {
    delivered: count(outcomes, "delivered"),
    retried: count(outcomes, "retried"),
    failed: count(outcomes, "failed"),
  };
}

/** Full jitter: anywhere between now and the exponential ceiling, so retries of one outage spread out. */
export function backoffMs(attempts: number, baseDelayMs: number, maxDelayMs: number, random = Math.random): number {
  return Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1)));
}

type DeliveryChange = Partial<
  Pick<typeof notificationDeliveries.$inferInsert, "lastError" | "nextAttemptAt" | "deliveredAt">
> & { state?: "delivered" | "failed" };
type ChannelChange = {
  id: string;
  set: Partial<Pick<typeof notificationChannels.$inferInsert, "lastError" | "lastErrorAt" | "lastDeliveredAt">>;
} | null;

async function finish(db: Db, claim: DeliveryClaim, channel: ChannelChange, change: DeliveryChange): Promise<Outcome> {
  return db.transaction(async (tx) => {
    // Matching the attempt count ignores a worker whose lease ran out and whose message was taken again.
    const updated = await tx
      .update(notificationDeliveries)
      .set(change)
      .where(
        and(
          eq(notificationDeliveries.id, claim.id),
          eq(notificationDeliveries.attempts, claim.attempts),
          eq(notificationDeliveries.state, "pending"),
        ),
      )
      .returning({ id: notificationDeliveries.id });
    if (updated.length === 0) return "skipped";
    if (channel) await tx.update(notificationChannels).set(channel.set).where(eq(notificationChannels.id, channel.id));
    return change.state ?? "retried";
  });
}

function count(outcomes: Outcome[], outcome: Outcome): number {
  return outcomes.filter((o) => o === outcome).length;
}
