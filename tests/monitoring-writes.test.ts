import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { alerts, metricPoints } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { evaluateAlertRules } from "@/lib/alerts/evaluate-rules";
import { createAlertRule } from "@/lib/alerts/manage-alerts";
import { syncCloudAlarms } from "@/lib/alerts/sync-cloud-alarms";
import { readUnresolvedAlerts } from "@/lib/alerts/unresolved-alerts";
import { alarmsDriver, cloudAlarm } from "./helpers/alarms";
import { testDatabases, useDatabase } from "./helpers/databases";
import { seqScansOn, statementsOf, statementsWithValuesOf } from "./helpers/explain-plan";
import { createTenant, createUser } from "./helpers/factory";

const t0 = new Date("2026-11-28T10:00:00Z");
const minute = (m: number) => new Date(t0.getTime() + m * 60_000);
const writes = /^\s*(insert|update|delete)\b/i;

// At a thousand tenants nearly every rule and alarm is as it was a tick ago: a tick that wrote each
// of them again spent most of its statements (and its 15 s) on nothing.
describe.each(testDatabases())("a monitoring tick on $kind", (target) => {
  const database = useDatabase(target);
  const setup = async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const actor = await loadActor(db, await createUser(db));
    return { db, tenant, ctx: { db, actor, ip: null, tenant } };
  };

  it("writes only the rules' stamp when no rule has changed its alert since the last tick", async () => {
    const { db, tenant, ctx } = await setup();
    await db.insert(metricPoints).values(
      Array.from({ length: 10 }, (_, m) => ({
        tenantId: tenant.id,
        resource: "web",
        metric: "cpu",
        at: minute(m),
        value: 90,
      })),
    );
    const rule = { tenant: tenant.name, metric: "cpu", windowMinutes: 5, severity: "warning" } as const;
    await createAlertRule(ctx, { ...rule, name: "Hot", condition: "above", threshold: 50 });
    await createAlertRule(ctx, { ...rule, name: "Idle", condition: "below", threshold: 5 });
    await evaluateAlertRules(db, minute(9));
    const opened = await db.select({ title: alerts.title }).from(alerts).where(eq(alerts.tenantId, tenant.id));
    expect(opened.map((a) => a.title)).toEqual(["Hot: CPU above 50 over 5 min"]);

    const again = await statementsWithValuesOf(database(), (db) => evaluateAlertRules(db, minute(9)));
    const ours = again.filter((s) => writes.test(s.sql) && JSON.stringify(s.params).includes(tenant.id));
    const ruleIds = (await db.execute(sql`select id from alert_rules where tenant_id = ${tenant.id}`)) as unknown as {
      rows: { id: string }[];
    };
    const stamps = again.filter((s) => /^\s*update "alert_rules"/i.test(s.sql));
    expect(ours).toEqual([]);
    expect(stamps).toHaveLength(1);
    for (const { id } of ruleIds.rows) expect(JSON.stringify(stamps[0]!.params)).toContain(id);
    await db.delete(metricPoints).where(eq(metricPoints.tenantId, tenant.id));
  });

  it("sends no statement for a tenant whose alarms are as they were", async () => {
    const { db, tenant } = await setup();
    const driver = alarmsDriver(() => [cloudAlarm("a", "alarm"), cloudAlarm("b", "ok")]);
    expect(await syncCloudAlarms(db, tenant, driver, await readUnresolvedAlerts(db))).toEqual({
      opened: 1,
      resolved: 0,
    });
    const unresolved = await readUnresolvedAlerts(db);
    expect(await statementsOf(database(), (db) => syncCloudAlarms(db, tenant, driver, unresolved))).toEqual([]);
    const [open] = await db
      .select({ key: alerts.key, state: alerts.state })
      .from(alerts)
      .where(and(eq(alerts.tenantId, tenant.id), eq(alerts.source, "cloud")));
    expect(open).toEqual({ key: "cloud:a", state: "open" });
  });

  describe("among many resolved alerts", () => {
    beforeAll(async () => {
      const { db } = database();
      const tenant = await createTenant(db);
      await db.execute(sql`
        insert into alerts (tenant_id, source, key, title, severity, state, resolved_at)
        select ${tenant.id}::uuid, 'rule', 'rule:old-' || g, 'Old', 'warning', 'resolved', now() from generate_series(1, 20000) g`);
      await db.execute(sql`analyze alerts`);
    }, 120_000);

    it("reads the unresolved ones by index, not by reading them all", async () => {
      expect(await seqScansOn(database(), ["alerts"], (db) => readUnresolvedAlerts(db))).toEqual([]);
    });
  });
});
