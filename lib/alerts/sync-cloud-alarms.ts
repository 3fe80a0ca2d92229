import type { Db } from "@/db/client";
import type { CloudDriver } from "@/lib/cloud/contract";
import { openAlert, resolveAlertByKey } from "./alert-transitions";
import type { UnresolvedAlerts } from "./unresolved-alerts";

const cloudKey = (alarmId: string) => `cloud:${alarmId}`;

/**
 * Mirrors the cloud's alarms for a tenant: one alert per alarm while it is in alarm, resolved when
 * the alarm is OK again or gone. Insufficient data changes nothing. `unresolved` is the tick's
 * reading of the alerts, so an alarm as it was costs no statement.
 */
export async function syncCloudAlarms(
  db: Db,
  tenant: { id: string; name: string },
  driver: CloudDriver,
  unresolved: UnresolvedAlerts,
): Promise<{ opened: number; resolved: number }> {
  const counts = { opened: 0, resolved: 0 };
  if (!driver.listAlarms) return counts;
  const alarms = await driver.listAlarms(tenant.name);
  for (const alarm of alarms) {
    const key = cloudKey(alarm.id);
    if (alarm.state === "alarm" && !unresolved.has(tenant.id, key)) {
      const opened = await openAlert(db, {
        tenantId: tenant.id,
        source: "cloud",
        key,
        title: alarm.name,
        severity: alarm.severity,
        resource: alarm.resource,
        details: { reason: alarm.reason, since: alarm.since },
      });
      if (opened) counts.opened++;
    } else if (alarm.state === "ok" && unresolved.has(tenant.id, key) && (await resolveAlertByKey(db, tenant.id, key)))
      counts.resolved++;
  }
  const listed = new Set(alarms.map((a) => cloudKey(a.id)));
  for (const key of unresolved.keysOf(tenant.id, "cloud:"))
    if (!listed.has(key) && (await resolveAlertByKey(db, tenant.id, key))) counts.resolved++;
  return counts;
}
