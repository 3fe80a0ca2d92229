import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { notificationChannels, notificationDeliveries } from "@/db/schema";
import { createChannelInput } from "@/lib/notifications/channel-input";
import { createChannel, listChannels } from "@/lib/notifications/channels";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { sendTestMessage } from "@/lib/notifications/send-test-message";
import { testDatabases, useDatabase } from "./helpers/databases";
import { alertWithEvents, notificationSetup } from "./helpers/notification-fixtures";
import { answerDns } from "./helpers/outbound";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver";

const refusedLoopback = "Refused: the URL points at a loopback address (127.0.0.1).";

describe.each(testDatabases())("notifications to internal addresses on $kind", (target) => {
  const database = useDatabase(target);
  let http: WebhookReceiver;
  beforeEach(async () => {
    vi.stubEnv("ENCLAVE_OUTBOUND_ALLOW_PRIVATE", "");
    http = await startWebhookReceiver();
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await http.close();
  });

  it("refuses a delivery to a name that answered public when the channel was saved and loopback since (DNS rebinding)", async () => {
    const { db } = database();
    const { tenant, ctx, tenantRef } = await notificationSetup(db);
    const dns = answerDns((host, call) =>
      host === "rebind.example" ? (call === 1 ? ["93.184.216.34"] : ["127.0.0.1"]) : undefined,
    );
    const input = await createChannelInput.parseAsync({
      tenant: tenant.name,
      name: "rebinding",
      kind: "webhook",
      target: `http://rebind.example:${new URL(http.url()).port}/hook`,
    });
    const channel = await createChannel({ ...ctx, tenant: tenantRef }, input);
    await alertWithEvents(db, tenant.id, null);

    expect(await deliverDueNotifications(db, { tenantId: tenant.id })).toEqual({ delivered: 0, retried: 2, failed: 0 });
    expect(dns).toHaveBeenCalledTimes(3);
    expect(http.requests).toEqual([]);
    const deliveries = await db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.channelId, channel.id));
    expect(deliveries.map((d) => [d.state, d.lastError])).toEqual([
      ["pending", refusedLoopback],
      ["pending", refusedLoopback],
    ]);
    expect(await listChannels(db, tenant.id)).toMatchObject([{ lastError: refusedLoopback, lastDeliveredAt: null }]);
  });

  it("refuses a test message to a channel saved before the check, and sends it once the setting allows private receivers", async () => {
    const { db } = database();
    const { tenant, ctx, tenantRef } = await notificationSetup(db);
    // Inserted directly, as a channel saved before targets were checked would be.
    const [channel] = await db
      .insert(notificationChannels)
      .values({ tenantId: tenant.id, name: "old hook", kind: "slack", target: http.url("/old") })
      .returning();
    expect(await sendTestMessage({ ...ctx, tenant: tenantRef }, { channelId: channel!.id })).toEqual({
      ok: false,
      error: refusedLoopback,
    });
    expect(http.requests).toEqual([]);

    vi.stubEnv("ENCLAVE_OUTBOUND_ALLOW_PRIVATE", "true");
    expect(await sendTestMessage({ ...ctx, tenant: tenantRef }, { channelId: channel!.id })).toEqual({ ok: true });
    expect(http.requests.map((r) => r.path)).toEqual(["/old"]);
  });
});
