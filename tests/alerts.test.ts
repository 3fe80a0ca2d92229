import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertEvents, alertRules, alerts, metricPoints, notificationChannels } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { evaluateAlertRules } from "@/lib/alerts/evaluate-rules";
import { changeAlert, createAlertRule } from "@/lib/alerts/manage-alerts";
import { syncCloudAlarms } from "@/lib/alerts/sync-cloud-alarms";
import { readUnresolvedAlerts } from "@/lib/alerts/unresolved-alerts";
import type { CloudAlarm } from "@/lib/cloud/contract";
import { deliverDueNotifications } from "@/lib/notifications/deliver";
import { alarmsDriver, cloudAlarm } from "./helpers/alarms";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser } from "./helpers/factory";
import { allowLoopbackReceivers } from "./helpers/outbound";

const received: { type: string; title: string }[] = [];
let receiverUrl = "";
const receiver = createServer((request, response) => {
  let body = "";
  request.on("data", (c) => (body += c));
  request.on("end", () => {
    const message = JSON.parse(body) as { type: string; alert: { title: string } };
    received.push({ type: message.type, title: message.alert.title });
    response.writeHead(204).end();
  });
});
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(() => receiver.close());
allowLoopbackReceivers();

const t0 = new Date("2026-11-28T10:00:00Z");
const minute = (m: number) => new Date(t0.getTime() + m * 60_000);

describe.each(testDatabases())("alerts on $kind", (target) => {
  const database = useDatabase(target);
  const setup = async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const actor = await loadActor(db, await createUser(db));
    await db
      .insert(notificationChannels)
      .values({ tenantId: tenant.id, name: "hook", kind: "webhook", target: receiverUrl });
    return { db, tenant, ctx: { db, actor, ip: null } };
  };
  const eventsOf = async (tenantId: string) =>
    (
      await database()
        .db.select({ transition: alertEvents.transition })
        .from(alertEvents)
        .where(eq(alertEvents.tenantId, tenantId))
        .orderBy(asc(alertEvents.at))
    ).map((e) => e.transition);

  it("opens a rule's alert when the window's mean crosses the threshold and resolves it when it falls back, notifying once per transition", async () => {
    const { db, tenant, ctx } = await setup();
    // CPU at 10, then 90 for minutes 10–19, then 10 again: a 5-minute mean above 50 from minute 13 to 22.
    await db.insert(metricPoints).values(
      Array.from({ length: 30 }, (_, m) => ({
        tenantId: tenant.id,
        resource: "web",
        metric: "cpu",
        at: minute(m),
        value: m >= 10 && m < 20 ? 90 : 10,
      })),
    );
    const rule = { tenant: tenant.name, condition: "above", threshold: 50, windowMinutes: 5 } as const;
    await createAlertRule({ ...ctx, tenant }, { ...rule, name: "Hot CPU", metric: "cpu", severity: "critical" });
    // A rule on a metric with no points: evaluated every tick, never opened, its page says "no data".
    await createAlertRule({ ...ctx, tenant }, { ...rule, name: "Quiet memory", metric: "memory", severity: "warning" });
    const states: Record<number, string> = {};
    for (let m = 5; m <= 29; m++) {
      await evaluateAlertRules(db, minute(m));
      const [alert] = await db.select().from(alerts).where(eq(alerts.tenantId, tenant.id));
      states[m] = alert?.state ?? "none";
    }
    expect(states[12]).toBe("none");
    expect(states[13]).toBe("open");
    expect(states[22]).toBe("open");
    expect(states[23]).toBe("resolved");
    expect(states[29]).toBe("resolved");
    expect(await eventsOf(tenant.id)).toEqual(["open", "resolved"]);
    const rules = await db
      .select({ name: alertRules.name, lastValue: alertRules.lastValue, at: alertRules.lastEvaluatedAt })
      .from(alertRules)
      .where(eq(alertRules.tenantId, tenant.id))
      .orderBy(asc(alertRules.name));
    expect(rules).toEqual([
      { name: "Hot CPU", lastValue: 10, at: minute(29) },
      { name: "Quiet memory", lastValue: null, at: minute(29) },
    ]);
    received.length = 0;
    await deliverDueNotifications(db, { tenantId: tenant.id });
    await deliverDueNotifications(db, { tenantId: tenant.id });
    expect(received.map((r) => r.type).sort()).toEqual(["alert.opened", "alert.resolved"]);
    expect(received[0]!.title).toBe("Hot CPU: CPU above 50 over 5 min");
    await db.delete(metricPoints).where(eq(metricPoints.tenantId, tenant.id));
  });

  it("records who acknowledged and resolved, once, and treats another tenant's alert as missing", async () => {
    const { db, tenant, ctx } = await setup();
    const other = await createTenant(db);
    const [alert] = await db
      .insert(alerts)
      .values({ tenantId: tenant.id, source: "rule", key: "rule:x", title: "Slow", severity: "warning" })
      .returning();
    await changeAlert({ ...ctx, tenant }, alert!.id, "acknowledged");
    await expect(changeAlert({ ...ctx, tenant }, alert!.id, "acknowledged")).rejects.toThrow(
      "This alert is acknowledged already; it may have been changed in another tab.",
    );
    await expect(changeAlert({ ...ctx, tenant: other }, alert!.id, "resolved")).rejects.toThrow(
      `No alert ${alert!.id} in ${other.name}.`,
    );
    await changeAlert({ ...ctx, tenant }, alert!.id, "resolved");
    const [after] = await db.select().from(alerts).where(eq(alerts.id, alert!.id));
    expect([after!.state, after!.acknowledgedBy, after!.resolvedBy]).toEqual(["resolved", ctx.actor.id, ctx.actor.id]);
  });

  it("mirrors the cloud's alarms: open while in alarm, resolved when OK or gone, nothing for insufficient data", async () => {
    const { db, tenant } = await setup();
    let listed: CloudAlarm[] = [];
    const driver = alarmsDriver(() => listed);
    const alarm = (id: string, state: CloudAlarm["state"]) => cloudAlarm(id, state, t0);
    // Each tick reads the unresolved alerts once, as runMonitoringTick does.
    const tick = async () => syncCloudAlarms(db, tenant, driver, await readUnresolvedAlerts(db));
    listed = [alarm("a", "alarm"), alarm("b", "alarm"), alarm("c", "insufficient_data")];
    expect(await tick()).toEqual({ opened: 2, resolved: 0 });
    expect(await tick()).toEqual({ opened: 0, resolved: 0 });
    listed = [alarm("a", "ok")];
    expect(await tick()).toEqual({ opened: 0, resolved: 2 });
    const rows = await db
      .select({ key: alerts.key, state: alerts.state })
      .from(alerts)
      .where(and(eq(alerts.tenantId, tenant.id), inArray(alerts.key, ["cloud:a", "cloud:b", "cloud:c"])));
    expect(rows.sort((x, y) => x.key.localeCompare(y.key))).toEqual([
      { key: "cloud:a", state: "resolved" },
      { key: "cloud:b", state: "resolved" },
    ]);
  });
});
