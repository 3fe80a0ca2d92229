import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertRules, infrastructures, tenants, type AlertRule } from "@/db/schema";
import type { CloudMetricName } from "@/lib/cloud/contract";
import { CloudTelemetryError, queryTenantMetrics, type TelemetryTenant } from "@/lib/telemetry/tenant-telemetry";
import { metricLabel } from "@/lib/words/metric-labels";
import { openAlert, resolveAlertByKey } from "./alert-transitions";
import { ruleAlertKey } from "./manage-alerts";

/** The metric's mean over the rule's window ending now (the same series the charts show), or null without data. */
export async function windowAverage(
  db: Db,
  tenant: TelemetryTenant,
  rule: Pick<AlertRule, "metric" | "resource" | "windowMinutes">,
  now: Date,
): Promise<number | null> {
  const from = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const result = await queryTenantMetrics(db, tenant, {
    metric: rule.metric as CloudMetricName,
    resource: rule.resource ?? undefined,
    from,
    to: now,
    points: rule.windowMinutes,
  });
  const values = result.series.flatMap((s) => s.points.map(([, v]) => v));
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export const describeRule = (rule: Pick<AlertRule, "name" | "metric" | "condition" | "threshold" | "windowMinutes">) =>
  `${rule.name}: ${metricLabel(rule.metric)} ${rule.condition} ${rule.threshold} over ${rule.windowMinutes} min`;

/** Every enabled rule of every ready tenant: open an alert when breached, resolve it when not. */
export async function evaluateAlertRules(
  db: Db,
  now = new Date(),
): Promise<{ evaluated: number; opened: number; resolved: number }> {
  const counts = { evaluated: 0, opened: 0, resolved: 0 };
  const rows = await db
    .select({
      rule: alertRules,
      tenant: {
        id: tenants.id,
        name: tenants.name,
        driver: infrastructures.driver,
        infrastructureId: tenants.infrastructureId,
      },
    })
    .from(alertRules)
    .innerJoin(tenants, eq(tenants.id, alertRules.tenantId))
    .innerJoin(infrastructures, eq(infrastructures.id, tenants.infrastructureId))
    .where(and(eq(alertRules.enabled, true), eq(tenants.status, "ready")));
  for (const { rule, tenant } of rows) {
    let value: number | null;
    try {
      value = await windowAverage(db, tenant, rule, now);
    } catch (error) {
      if (error instanceof CloudTelemetryError) continue;
      throw error;
    }
    counts.evaluated++;
    await db.update(alertRules).set({ lastEvaluatedAt: now, lastValue: value }).where(eq(alertRules.id, rule.id));
    if (value === null) continue;
    const breached = rule.condition === "above" ? value > rule.threshold : value < rule.threshold;
    const rounded = Math.round(value * 100) / 100;
    if (breached) {
      const opened = await openAlert(db, {
        tenantId: tenant.id,
        source: "rule",
        key: ruleAlertKey(rule.id),
        ruleId: rule.id,
        title: describeRule(rule),
        severity: rule.severity,
        resource: rule.resource,
        value: rounded,
        details: { openedAt: now.toISOString() },
      });
      if (opened) counts.opened++;
    } else if (await resolveAlertByKey(db, tenant.id, ruleAlertKey(rule.id), rounded)) counts.resolved++;
  }
  return counts;
}
