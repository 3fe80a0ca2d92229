import { and, eq, like, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alerts } from "@/db/schema";
import type { CloudDriver } from "@/lib/cloud/contract";
import { openAlert, resolveAlertByKey } from "./alert-transitions";

const cloudKey = (alarmId: string) => `cloud:${alarmId}`;

/**
 * Mirrors the cloud's alarms for a tenant: one alert per alarm while it is in alarm, resolved when
 * the alarm is OK again or gone. Insufficient data changes nothing.
 */
export async function syncCloudAlarms(
  db: Db,
  tenant: { id: string; name: string },
  driver: CloudDriver,
): Promise<{ opened: number; resolved: number }> {
  const counts = { opened: 0, resolved: 0 };
  if (!driver.listAlarms) return counts;
  const alarms = await driver.listAlarms(tenant.name);
  for (const alarm of alarms) {
    if (alarm.state === "alarm") {
      const opened = await openAlert(db, {
        tenantId: tenant.id,
        source: "cloud",
        key: cloudKey(alarm.id),
        title: alarm.name,
        severity: alarm.severity,
        resource: alarm.resource,
        details: { reason: alarm.reason, since: alarm.since },
      });
      if (opened) counts.opened++;
    } else if (alarm.state === "ok" && (await resolveAlertByKey(db, tenant.id, cloudKey(alarm.id)))) counts.resolved++;
  }
  const listed = new Set(alarms.map((a) => cloudKey(a.id)));
  const unresolved = await db
    .select({ key: alerts.key })
    .from(alerts)
    .where(
      and(
        eq(alerts.tenantId, tenant.id),
        eq(alerts.source, "cloud"),
        ne(alerts.state, "resolved"),
        like(alerts.key, "cloud:%"),
      ),
    );
  for (const { key } of unresolved)
    if (!listed.has(key) && (await resolveAlertByKey(db, tenant.id, key))) counts.resolved++;
  return counts;
}
