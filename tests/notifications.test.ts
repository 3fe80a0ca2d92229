import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { notificationDeliveries } from "@/db/schema";
import { createChannel, listChannels, setChannelEnabled } from "@/lib/notifications/channels";
import { backoffMs, deliverDueNotifications } from "@/lib/notifications/deliver";
import { alertsUrl } from "@/lib/notifications/messages";
import { testDatabases, useDatabase } from "./helpers/databases";
import { alertWithEvents, notificationSetup } from "./helpers/notification-fixtures";
import { allowLoopbackReceivers } from "./helpers/outbound";
import { startWebhookReceiver, type WebhookReceiver } from "./helpers/webhook-receiver";

describe("retry backoff", () => {
  it("doubles from the base up to the ceiling, with full jitter below it", () => {
    const half = () => 0.5;
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 2_000, 300_000, half))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffMs(20, 2_000, 300_000, half)).toBe(150_000);
    expect(backoffMs(5, 2_000, 300_000, () => 0)).toBe(0);
  });
});

describe.each(testDatabases())("alert notifications on $kind", (target) => {
  const database = useDatabase(target);
  allowLoopbackReceivers();
  const receivers: WebhookReceiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  async function receiver(options?: Parameters<typeof startWebhookReceiver>[0]) {
    const started = await startWebhookReceiver(options);
    receivers.push(started);
    return started;
  }
  const deliveriesOf = (channelId: string) =>
    database().db.select().from(notificationDeliveries).where(eq(notificationDeliveries.channelId, channelId));

  it("sends each channel one message per transition, once, even with two workers at the same time", async () => {
    const { db } = database();
    const { tenant, admin, ctx, tenantRef } = await notificationSetup(db);
    const http = await receiver();
    const webhook = await createChannel(
      { ...ctx, tenant: tenantRef },
      {
        tenant: tenant.name,
        name: "pager",
        kind: "webhook",
        target: http.url("/hook/secret-token"),
      },
    );
    const slack = await createChannel(
      { ...ctx, tenant: tenantRef },
      {
        tenant: tenant.name,
        name: "ops chat",
        kind: "slack",
        target: http.url("/slack/T1/B2/xyz"),
      },
    );
    const { alert, queued } = await alertWithEvents(db, tenant.id, admin.id);
    expect(queued).toEqual([2, 2]);

    const runs = await Promise.all([
      deliverDueNotifications(db, { tenantId: tenant.id }),
      deliverDueNotifications(db, { tenantId: tenant.id }),
    ]);
    expect(runs[0]!.delivered + runs[1]!.delivered).toBe(4);
    expect(http.requests).toHaveLength(4);

    const hooks = http.to("/hook/secret-token").sort((a, b) => String(a.body.type).localeCompare(String(b.body.type)));
    expect(hooks.map((r) => r.body.type)).toEqual(["alert.opened", "alert.resolved"]);
    expect(hooks[0]!.headers).toMatchObject({ "content-type": "application/json", "user-agent": "Enclave-Notifier" });
    expect(hooks[0]!.body).toMatchObject({
      tenant: tenant.name,
      actor: null,
      alert: {
        id: alert.id,
        title: "CPU above 90% on web",
        severity: "critical",
        state: "open",
        resource: "web",
        value: 93.5,
        openedAt: alert.openedAt.toISOString(),
        url: alertsUrl(tenant.name),
      },
    });
    expect(hooks[1]!.body).toMatchObject({ actor: { id: admin.id, name: "Test User" }, alert: { state: "resolved" } });
    const texts = http
      .to("/slack/T1/B2/xyz")
      .map((r) => String(r.body.text))
      .sort();
    expect(texts).toEqual([
      `[CRITICAL] CPU above 90% on web — tenant ${tenant.name}, web: opened. ${alertsUrl(tenant.name)}`,
      `[CRITICAL] CPU above 90% on web — tenant ${tenant.name}, web: resolved by Test User. ${alertsUrl(tenant.name)}`,
    ]);

    expect(await deliverDueNotifications(db, { tenantId: tenant.id, now: new Date(Date.now() + 3_600_000) })).toEqual({
      delivered: 0,
      retried: 0,
      failed: 0,
    });
    expect(http.requests).toHaveLength(4);
    for (const channel of [webhook, slack]) {
      expect((await deliveriesOf(channel.id)).map((d) => [d.state, d.attempts, d.lastError])).toEqual([
        ["delivered", 1, null],
        ["delivered", 1, null],
      ]);
    }
    const listed = await listChannels(db, tenant.id);
    expect(listed.every((c) => c.lastDeliveredAt !== null && c.lastError === null)).toBe(true);
  });

  it("retries a failing receiver with backoff and shows its error on the channel until a message gets through", async () => {
    const { db } = database();
    const { tenant, ctx, tenantRef } = await notificationSetup(db);
    const http = await receiver({ statuses: [500, 500] });
    const channel = await createChannel(
      { ...ctx, tenant: tenantRef },
      {
        tenant: tenant.name,
        name: "flaky",
        kind: "webhook",
        target: http.url("/flaky"),
      },
    );
    const { resolved } = await alertWithEvents(db, tenant.id, null);
    await db.delete(notificationDeliveries).where(eq(notificationDeliveries.alertEventId, resolved.id));

    let now = new Date();
    expect(await deliverDueNotifications(db, { tenantId: tenant.id, now })).toEqual({
      delivered: 0,
      retried: 1,
      failed: 0,
    });
    for (const attempt of [2, 3]) {
      const [pending] = await deliveriesOf(channel.id);
      expect(pending).toMatchObject({
        state: "pending",
        attempts: attempt - 1,
        lastError: "The receiver answered HTTP 500.",
      });
      expect(pending!.nextAttemptAt.getTime() - now.getTime()).toBeLessThan(2_000 * 2 ** (attempt - 2));
      const [shown] = await listChannels(db, tenant.id);
      expect(shown).toMatchObject({ lastError: "The receiver answered HTTP 500.", lastDeliveredAt: null });
      expect(shown!.lastErrorAt).toEqual(now);

      expect(
        await deliverDueNotifications(db, { tenantId: tenant.id, now: new Date(pending!.nextAttemptAt.getTime() - 1) }),
      ).toEqual({ delivered: 0, retried: 0, failed: 0 });
      now = pending!.nextAttemptAt;
      expect(await deliverDueNotifications(db, { tenantId: tenant.id, now })).toEqual(
        attempt === 3 ? { delivered: 1, retried: 0, failed: 0 } : { delivered: 0, retried: 1, failed: 0 },
      );
    }
    const [done] = await deliveriesOf(channel.id);
    expect(done).toMatchObject({ state: "delivered", attempts: 3, deliveredAt: now });
    expect(await listChannels(db, tenant.id)).toMatchObject([{ lastError: null, lastDeliveredAt: now }]);
    expect(http.requests).toHaveLength(3);
  });

  it("gives up after the last attempt", async () => {
    const { db } = database();
    const { tenant, ctx, tenantRef } = await notificationSetup(db);
    const http = await receiver({ fallback: 503 });
    const channel = await createChannel(
      { ...ctx, tenant: tenantRef },
      {
        tenant: tenant.name,
        name: "down",
        kind: "slack",
        target: http.url("/down"),
      },
    );
    await alertWithEvents(db, tenant.id, null);
    let now = new Date();
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(
        await deliverDueNotifications(db, {
          tenantId: tenant.id,
          now,
          maxAttempts: 3,
          baseDelayMs: 10,
          maxDelayMs: 20,
        }),
      );
      now = new Date(now.getTime() + 1_000);
    }
    expect(results).toEqual([
      { delivered: 0, retried: 2, failed: 0 },
      { delivered: 0, retried: 2, failed: 0 },
      { delivered: 0, retried: 0, failed: 2 },
      { delivered: 0, retried: 0, failed: 0 },
    ]);
    expect((await deliveriesOf(channel.id)).map((d) => [d.state, d.attempts, d.lastError])).toEqual([
      ["failed", 3, "The receiver answered HTTP 503."],
      ["failed", 3, "The receiver answered HTTP 503."],
    ]);
    expect(http.requests).toHaveLength(6);
  });

  it("sends nothing to a disabled channel, and turning one off drops what it had queued", async () => {
    const { db } = database();
    const { tenant, ctx, tenantRef } = await notificationSetup(db);
    const http = await receiver();
    const off = await createChannel(
      { ...ctx, tenant: tenantRef },
      {
        tenant: tenant.name,
        name: "off",
        kind: "webhook",
        target: http.url("/off"),
      },
    );
    const later = await createChannel(
      { ...ctx, tenant: tenantRef },
      {
        tenant: tenant.name,
        name: "turned off later",
        kind: "webhook",
        target: http.url("/later"),
      },
    );
    const on = await createChannel(
      { ...ctx, tenant: tenantRef },
      {
        tenant: tenant.name,
        name: "on",
        kind: "webhook",
        target: http.url("/on"),
      },
    );
    await setChannelEnabled({ ...ctx, tenant: tenantRef }, { channelId: off.id, enabled: false });
    const { queued } = await alertWithEvents(db, tenant.id, null);
    expect(queued).toEqual([2, 2]);
    await setChannelEnabled({ ...ctx, tenant: tenantRef }, { channelId: later.id, enabled: false });

    expect(await deliverDueNotifications(db, { tenantId: tenant.id })).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(http.requests.map((r) => r.path)).toEqual(["/on", "/on"]);
    expect(await deliveriesOf(off.id)).toEqual([]);
    expect((await deliveriesOf(later.id)).map((d) => [d.state, d.attempts])).toEqual([
      ["failed", 0],
      ["failed", 0],
    ]);
    expect((await deliveriesOf(on.id)).map((d) => d.state)).toEqual(["delivered", "delivered"]);
    await setChannelEnabled({ ...ctx, tenant: tenantRef }, { channelId: later.id, enabled: true });
    expect(await deliverDueNotifications(db, { tenantId: tenant.id, now: new Date(Date.now() + 3_600_000) })).toEqual({
      delivered: 0,
      retried: 0,
      failed: 0,
    });
  });
});
