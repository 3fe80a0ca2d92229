import { eq } from "drizzle-orm";
import { notificationChannels } from "@/db/schema";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";
import { ownChannel } from "./channels";
import { testMessage } from "./messages";
import { describeSendError } from "./describe-send-error";
import { sendMessage, type SendMessage } from "./send-message";

/** Sends a test message now, bypassing the queue, and keeps the outcome on the channel as a real message would. */
export async function sendTestMessage(
  ctx: TenantServiceContext<"id" | "name">,
  input: { channelId: string },
  options: { timeoutMs?: number; send?: SendMessage } = {},
): Promise<{ ok: true } | { ok: false; error: string }> {
  const { tenant } = ctx;
  const [channel] = await ctx.db.select().from(notificationChannels).where(ownChannel(tenant.id, input.channelId));
  if (!channel) throw new NotFoundError("That channel does not exist.");
  const timeoutMs = options.timeoutMs ?? 5_000;
  const now = new Date();
  let error: string | undefined;
  try {
    await (options.send ?? sendMessage)(
      channel,
      testMessage(channel.kind, { tenant: tenant.name, channel: channel.name, at: now }),
      timeoutMs,
    );
  } catch (e) {
    error = describeSendError(e, timeoutMs);
  }
  await ctx.db.transaction(async (tx) => {
    const outcome = error ? { lastError: error, lastErrorAt: now } : { lastError: null, lastDeliveredAt: now };
    await tx.update(notificationChannels).set(outcome).where(eq(notificationChannels.id, channel.id));
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "channel.tested",
      tenantId: tenant.id,
      target: channel.name,
      details: { channelId: channel.id, ok: !error, error },
      ip: ctx.ip,
    });
  });
  return error ? { ok: false, error } : { ok: true };
}
