import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertRules, infrastructures, tenants, type AlertRule } from "@/db/schema";
import { driversByInfrastructure } from "@/lib/cloud";
import type { CloudDriver, CloudMetricName } from "@/lib/cloud/contract";
import { CloudTelemetryError, queryTenantMetrics, type TelemetryTenant } from "@/lib/telemetry/tenant-telemetry";
import { metricLabel } from "@/lib/words/metric-labels";
import { openAlert, resolveAlertByKey } from "./alert-transitions";
import { ruleAlertKey } from "./manage-alerts";
import { readUnresolvedAlerts, type UnresolvedAlerts } from "./unresolved-alerts";

/** The metric's mean over the rule's window ending now (the same series the charts show), or null without data. */
export async function windowAverage(
  db: Db,
  tenant: TelemetryTenant,
  rule: Pick<AlertRule, "metric" | "resource" | "windowMinutes">,
  now: Date,
  driver?: Promise<CloudDriver>,
): Promise<number | null> {
  const from = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const result = await queryTenantMetrics(
    db,
    tenant,
    {
      metric: rule.metric as CloudMetricName,
      resource: rule.resource ?? undefined,
      from,
      to: now,
      points: rule.windowMinutes,
    },
    driver,
  );
  const values = result.series.flatMap((s) => s.points.map(([, v]) => v));
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export const describeRule = (rule: Pick<AlertRule, "name" | "metric" | "condition" | "threshold" | "windowMinutes">) =>
  `${rule.name}: ${metricLabel(rule.metric)} ${rule.condition} ${rule.threshold} over ${rule.windowMinutes} min`;

// One statement for the tick's stamps, not one per rule: what each rule last read, shown on its page.
async function stampEvaluations(db: Db, now: Date, evaluated: { id: string; value: number | null }[]) {
  if (!evaluated.length) return;
  await db.execute(sql`update ${alertRules} set last_evaluated_at = ${now.toISOString()}::timestamptz, last_value = u.value
    from unnest(${sql.param(evaluated.map((e) => e.id))}::uuid[], ${sql.param(evaluated.map((e) => e.value))}::float8[]) as u(id, value)
    where ${alertRules.id} = u.id`);
}

/**
 * Every enabled rule of every ready tenant: open an alert when breached, resolve it when not. Only a
 * change is written (`unresolved`, read now unless the tick already has it), and the stamps at once.
 */
export async function evaluateAlertRules(
  db: Db,
  now = new Date(),
  unresolved?: UnresolvedAlerts,
): Promise<{ evaluated: number; opened: number; resolved: number }> {
  const counts = { evaluated: 0, opened: 0, resolved: 0 };
  const rows = await db
    .select({
      rule: alertRules,
      tenant: { id: tenants.id, name: tenants.name, infrastructureId: tenants.infrastructureId },
      infrastructure: infrastructures,
    })
    .from(alertRules)
    .innerJoin(tenants, eq(tenants.id, alertRules.tenantId))
    .innerJoin(infrastructures, eq(infrastructures.id, tenants.infrastructureId))
    .where(and(eq(alertRules.enabled, true), eq(tenants.status, "ready")));
  const open = unresolved ?? (await readUnresolvedAlerts(db));
  const driverOf = driversByInfrastructure(db);
  const evaluated: { id: string; value: number | null }[] = [];
  try {
    for (const { rule, tenant: row, infrastructure } of rows) {
      const tenant = { ...row, driver: infrastructure.driver };
      let value: number | null;
      try {
        value = await windowAverage(db, tenant, rule, now, driverOf(infrastructure));
      } catch (error) {
        if (error instanceof CloudTelemetryError) continue;
        throw error;
      }
      evaluated.push({ id: rule.id, value });
      if (value === null) continue;
      const key = ruleAlertKey(rule.id);
      const breached = rule.condition === "above" ? value > rule.threshold : value < rule.threshold;
      const rounded = Math.round(value * 100) / 100;
      if (breached && !open.has(tenant.id, key)) {
        const opened = await openAlert(db, {
          tenantId: tenant.id,
          source: "rule",
          key,
          ruleId: rule.id,
          title: describeRule(rule),
          severity: rule.severity,
          resource: rule.resource,
          value: rounded,
          details: { openedAt: now.toISOString() },
        });
        if (opened) counts.opened++;
      } else if (!breached && open.has(tenant.id, key) && (await resolveAlertByKey(db, tenant.id, key, rounded)))
        counts.resolved++;
    }
  } finally {
    counts.evaluated = evaluated.length;
    await stampEvaluations(db, now, evaluated);
  }
  return counts;
}
