import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, notificationChannels, notificationDeliveries } from "@/db/schema";
import { createChannelInput, setChannelEnabledInput } from "@/lib/notifications/channel-input";
import {
  createChannel,
  deleteChannel,
  listChannels,
  maxChannelsPerTenant,
  setChannelEnabled,
} from "@/lib/notifications/channels";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { maskTarget } from "@/lib/notifications/mask-target";
import { alertsUrl } from "@/lib/notifications/messages";
import { sendTestMessage } from "@/lib/notifications/send-test-message";
import { testDatabases, useDatabase } from "./helpers/databases";
import { alertWithEvents, notificationSetup } from "./helpers/notification-fixtures";
import { allowLoopbackReceivers, answerDns } from "./helpers/outbound";
import { startSmtpReceiver } from "./helpers/smtp-receiver";
import { startWebhookReceiver } from "./helpers/webhook-receiver";

const smtpSettings = ["ENCLAVE_SMTP_URL", "ENCLAVE_SMTP_FROM"] as const;
const savedEnv = Object.fromEntries(smtpSettings.map((k) => [k, process.env[k]]));
beforeEach(() => smtpSettings.forEach((k) => delete process.env[k]));
afterEach(() =>
  smtpSettings.forEach((k) => (savedEnv[k] === undefined ? delete process.env[k] : (process.env[k] = savedEnv[k]))),
);

describe("channel input", () => {
  const base = { tenant: "acme", name: "pager" };
  // Saving looks the host up; these names stand for a public address without asking the network.
  let dns: ReturnType<typeof answerDns>;
  beforeAll(() => {
    dns = answerDns(() => ["93.184.216.34"]);
  });
  afterAll(() => dns.mockRestore());
  it.each([
    [{ ...base, name: " ", kind: "webhook", target: "https://example.com/hook" }, "Give the channel a name."],
    [
      { ...base, name: "x".repeat(61), kind: "webhook", target: "https://example.com/hook" },
      "A channel name has at most 60 characters.",
    ],
    [{ ...base, kind: "sms", target: "+4912345" }, "Choose a webhook, Slack or email channel."],
    [
      { ...base, kind: "webhook", target: "ftp://example.com/hook" },
      "Give the webhook's URL, starting with https:// or http://.",
    ],
    [
      { ...base, kind: "slack", target: "hooks.slack.com/services/T/B/x" },
      "Give the incoming-webhook URL from Slack or a Slack-compatible chat (Mattermost, Rocket.Chat …), starting with https:// or http://.",
    ],
    [
      { ...base, kind: "email", target: "ops@example.com" },
      "Email channels need the portal's mail server, which is not set up. Ask an administrator, or use a webhook or Slack channel.",
    ],
  ])("refuses %o", async (input, message) => {
    expect((await createChannelInput.safeParseAsync(input)).error?.issues[0]?.message).toBe(message);
  });

  it("takes any http(s) URL for Slack, and an email address once SMTP is set up", async () => {
    expect(
      (
        await createChannelInput.safeParseAsync({
          ...base,
          kind: "slack",
          target: "https://chat.example.org/hooks/abc",
        })
      ).success,
    ).toBe(true);
    process.env.ENCLAVE_SMTP_URL = "smtp://127.0.0.1:2525";
    expect(
      (await createChannelInput.safeParseAsync({ ...base, kind: "email", target: " ops@example.com " })).data?.target,
    ).toBe("ops@example.com");
    expect(
      (await createChannelInput.safeParseAsync({ ...base, kind: "email", target: "ops at example" })).error?.issues[0],
    ).toMatchObject({ message: "Give an email address such as ops@example.com.", path: ["target"] });
    expect(
      setChannelEnabledInput.safeParse({ tenant: "acme", channelId: "nope", enabled: true }).error?.issues[0]?.message,
    ).toBe("Choose a channel.");
  });

  it("masks a URL down to its scheme and host", () => {
    expect(maskTarget("slack", "https://hooks.slack.com/services/T000/B000/XXXXsecret")).toBe(
      "https://hooks.slack.com/…",
    );
    expect(maskTarget("webhook", "https://user:pw@example.com:8443/?token=abc")).toBe("https://example.com:8443/…");
    expect(maskTarget("webhook", "http://example.com")).toBe("http://example.com");
    expect(maskTarget("email", "ops@example.com")).toBe("ops@example.com");
  });

  it("links to the tenant's alerts from the public URL", () => {
    expect(alertsUrl("acme", { ENCLAVE_PUBLIC_URL: "https://portal.example.com/", NEXTAUTH_URL: "http://x" })).toBe(
      "https://portal.example.com/t/acme/alerts",
    );
    expect(alertsUrl("acme", { NEXTAUTH_URL: "http://x:3000" })).toBe("http://x:3000/t/acme/alerts");
    expect(alertsUrl("acme", {})).toBe("http://localhost:3000/t/acme/alerts");
  });
});

describe.each(testDatabases())("notification channels on $kind", (target) => {
  const database = useDatabase(target);
  allowLoopbackReceivers();

  it("lists channels with their targets masked, and audits each change without the token", async () => {
    const { db } = database();
    const { tenant, ctx, tenantRef } = await notificationSetup(db);
    const { id } = await createChannel(
      { ...ctx, tenant: tenantRef },
      {
        tenant: tenant.name,
        name: "pager",
        kind: "webhook",
        target: "https://hooks.example.com/services/secret-token?sig=abc",
      },
    );
    await expect(
      createChannel(
        { ...ctx, tenant: tenantRef },
        {
          tenant: tenant.name,
          name: "Pager",
          kind: "slack",
          target: "https://x.example.com/",
        },
      ),
    ).rejects.toThrow('A channel named "Pager" already exists.');
    await setChannelEnabled({ ...ctx, tenant: tenantRef }, { channelId: id, enabled: false });
    const listed = await listChannels(db, tenant.id);
    expect(listed).toMatchObject([
      {
        id,
        name: "pager",
        kind: "webhook",
        target: "https://hooks.example.com/…",
        enabled: false,
        lastError: null,
        lastErrorAt: null,
        lastDeliveredAt: null,
      },
    ]);
    await deleteChannel({ ...ctx, tenant: tenantRef }, { channelId: id });
    expect(await listChannels(db, tenant.id)).toEqual([]);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenant.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["channel.created", "channel.deleted", "channel.disabled"]);
    expect(JSON.stringify([listed, audit])).not.toMatch(/secret-token|sig=abc/);
  });

  it("answers another tenant's channel like a missing one", async () => {
    const { db } = database();
    const a = await notificationSetup(db);
    const b = await notificationSetup(db);
    const { id } = await createChannel(
      { ...a.ctx, tenant: a.tenantRef },
      {
        tenant: a.tenant.name,
        name: "pager",
        kind: "webhook",
        target: "https://example.com/h",
      },
    );
    await expect(deleteChannel({ ...b.ctx, tenant: b.tenantRef }, { channelId: id })).rejects.toThrow(
      "That channel does not exist.",
    );
    await expect(
      setChannelEnabled({ ...b.ctx, tenant: b.tenantRef }, { channelId: id, enabled: false }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(sendTestMessage({ ...b.ctx, tenant: b.tenantRef }, { channelId: id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      deleteChannel({ ...a.ctx, tenant: a.tenantRef }, { channelId: crypto.randomUUID() }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect(
      await db
        .select()
        .from(notificationChannels)
        .where(and(eq(notificationChannels.id, id), eq(notificationChannels.enabled, true))),
    ).toHaveLength(1);
  });

  it(`keeps a tenant to ${maxChannelsPerTenant} channels`, async () => {
    const { db } = database();
    const { tenant, ctx, tenantRef } = await notificationSetup(db);
    for (let i = 0; i < maxChannelsPerTenant; i++)
      await createChannel(
        { ...ctx, tenant: tenantRef },
        {
          tenant: tenant.name,
          name: `hook ${i}`,
          kind: "webhook",
          target: `https://example.com/${i}`,
        },
      );
    await expect(
      createChannel(
        { ...ctx, tenant: tenantRef },
        {
          tenant: tenant.name,
          name: "one more",
          kind: "webhook",
          target: "https://example.com/x",
        },
      ),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "A tenant has at most 20 channels. Delete one you no longer use first.",
    });
  });

  it("sends a test message now and says in words what went wrong", async () => {
    const { db } = database();
    const { tenant, ctx, tenantRef } = await notificationSetup(db);
    const ok = await startWebhookReceiver();
    const failing = await startWebhookReceiver({ fallback: 500 });
    const slow = await startWebhookReceiver({ delayMs: 1_000 });
    const closed = await startWebhookReceiver();
    await closed.close();
    try {
      const add = (name: string, url: string) =>
        createChannel({ ...ctx, tenant: tenantRef }, { tenant: tenant.name, name, kind: "webhook", target: url });
      const channels = {
        ok: await add("ok", ok.url("/t")),
        failing: await add("failing", failing.url("/t")),
        slow: await add("slow", slow.url("/t")),
        closed: await add("closed", closed.url("/t")),
      };
      expect(await sendTestMessage({ ...ctx, tenant: tenantRef }, { channelId: channels.ok.id })).toEqual({ ok: true });
      expect(ok.requests[0]!.body).toMatchObject({ type: "test", tenant: tenant.name, channel: "ok" });
      expect(await sendTestMessage({ ...ctx, tenant: tenantRef }, { channelId: channels.failing.id })).toEqual({
        ok: false,
        error: "The receiver answered HTTP 500.",
      });
      expect(
        await sendTestMessage({ ...ctx, tenant: tenantRef }, { channelId: channels.slow.id }, { timeoutMs: 200 }),
      ).toEqual({
        ok: false,
        error: `No answer from ${new URL(slow.url("/t")).host} within 0.2 s.`,
      });
      expect(await sendTestMessage({ ...ctx, tenant: tenantRef }, { channelId: channels.closed.id })).toEqual({
        ok: false,
        error: `Could not connect to ${new URL(closed.url("/t")).host}: nothing accepted the connection there. Check the port and that the receiver is running.`,
      });
      const byName = new Map((await listChannels(db, tenant.id)).map((c) => [c.name, c]));
      expect(byName.get("ok")).toMatchObject({ lastError: null, lastDeliveredAt: expect.any(Date) });
      expect(byName.get("failing")).toMatchObject({
        lastError: "The receiver answered HTTP 500.",
        lastErrorAt: expect.any(Date),
        lastDeliveredAt: null,
      });
    } finally {
      await Promise.all([ok.close(), failing.close(), slow.close()]);
    }
  });

  it("emails one message per transition through the configured mail server", async () => {
    const { db } = database();
    const { tenant, ctx, tenantRef } = await notificationSetup(db);
    const smtp = await startSmtpReceiver();
    let channel: { id: string } | undefined;
    try {
      process.env.ENCLAVE_SMTP_URL = smtp.url;
      process.env.ENCLAVE_SMTP_FROM = "alerts@enclave.test";
      const input = await createChannelInput.parseAsync({
        tenant: tenant.name,
        name: "on-call",
        kind: "email",
        target: "oncall@example.com",
      });
      channel = await createChannel({ ...ctx, tenant: tenantRef }, input);
      const { resolved } = await alertWithEvents(db, tenant.id, null);
      await db.delete(notificationDeliveries).where(eq(notificationDeliveries.alertEventId, resolved.id));
      expect(await deliverDueNotifications(db, { tenantId: tenant.id })).toEqual({
        delivered: 1,
        retried: 0,
        failed: 0,
      });
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]).toMatchObject({ from: "alerts@enclave.test", to: ["oncall@example.com"] });
      const headers = smtp.mails[0]!.raw.replace(/\r\n(?=[ \t])/g, "");
      expect(headers).toContain(`Subject: [Enclave] CRITICAL alert opened: CPU above 90% on web (${tenant.name})`);
      expect(smtp.mails[0]!.raw).toContain(alertsUrl(tenant.name));
      expect(await deliverDueNotifications(db, { tenantId: tenant.id, now: new Date(Date.now() + 3_600_000) })).toEqual(
        { delivered: 0, retried: 0, failed: 0 },
      );
      expect(smtp.mails).toHaveLength(1);
    } finally {
      await smtp.close();
    }
    expect(await sendTestMessage({ ...ctx, tenant: tenantRef }, { channelId: channel.id })).toEqual({
      ok: false,
      error: `Could not connect to the mail server ${new URL(smtp.url).host}: nothing accepted the connection there. Check the port and that the receiver is running.`,
    });
  });
});
