import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertRules, alerts } from "@/db/schema";
import type { TenantServiceContext } from "@/lib/context/service-context";
import { auditActor, recordAudit } from "@/lib/audit/record";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { changeAlertState } from "./alert-transitions";
import type { CreateAlertRuleInput } from "./alert-input";

const maxRules = 50;

/** Acknowledge (open → acknowledged) or resolve (any unresolved → resolved), with who and when. */
export async function changeAlert(
  ctx: TenantServiceContext<"id" | "name">,
  alertId: string,
  to: "acknowledged" | "resolved",
) {
  const { tenant } = ctx;
  return ctx.db.transaction(async (tx) => {
    const alert = await changeAlertState(tx, tenant.id, alertId, to, ctx.actor.id);
    if (!alert) {
      const [current] = await tx
        .select({ state: alerts.state })
        .from(alerts)
        .where(and(eq(alerts.id, alertId), eq(alerts.tenantId, tenant.id)));
      if (!current) throw new NotFoundError(`No alert ${alertId} in ${tenant.name}.`);
      throw new ConflictError(`This alert is ${current.state} already; it may have been changed in another tab.`);
    }
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: `alert.${to}`,
      tenantId: tenant.id,
      target: alert.title,
      details: { alertId },
      ip: ctx.ip,
    });
  });
}

export async function createAlertRule(ctx: TenantServiceContext<"id" | "name">, input: CreateAlertRuleInput) {
  const { tenant } = ctx;
  return ctx.db.transaction(async (tx) => {
    const existing = await tx.select({ id: alertRules.id }).from(alertRules).where(eq(alertRules.tenantId, tenant.id));
    if (existing.length >= maxRules)
      throw new ConflictError(`A tenant has at most ${maxRules} alert rules; delete one first.`);
    const { name, metric, resource, condition, threshold, windowMinutes, severity } = input;
    const [rule] = await tx
      .insert(alertRules)
      .values({
        tenantId: tenant.id,
        name,
        metric,
        resource: resource ?? null,
        condition,
        threshold,
        windowMinutes,
        severity,
        createdBy: ctx.actor.id,
      })
      .returning();
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "alert_rule.created",
      tenantId: tenant.id,
      target: name,
      details: { ruleId: rule!.id, metric, resource, condition, threshold, windowMinutes, severity },
      ip: ctx.ip,
    });
    return { id: rule!.id };
  });
}

export const ruleAlertKey = (ruleId: string) => `rule:${ruleId}`;

// A rule that stops being evaluated would leave its alert open for ever: the person who stopped it resolves it.
async function resolveRuleAlert(tx: Db, tenantId: string, ruleId: string, actorId: string) {
  const [open] = await tx
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.tenantId, tenantId), eq(alerts.key, ruleAlertKey(ruleId)), ne(alerts.state, "resolved")));
  if (open) await changeAlertState(tx, tenantId, open.id, "resolved", actorId);
}

export async function setAlertRuleEnabled(ctx: TenantServiceContext<"id" | "name">, ruleId: string, enabled: boolean) {
  const { tenant } = ctx;
  return ctx.db.transaction(async (tx) => {
    const [rule] = await tx
      .update(alertRules)
      .set({ enabled })
      .where(and(eq(alertRules.id, ruleId), eq(alertRules.tenantId, tenant.id)))
      .returning();
    if (!rule) throw new NotFoundError("No such alert rule in this tenant.");
    if (!enabled) await resolveRuleAlert(tx, tenant.id, ruleId, ctx.actor.id);
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: enabled ? "alert_rule.enabled" : "alert_rule.disabled",
      tenantId: tenant.id,
      target: rule.name,
      details: { ruleId },
      ip: ctx.ip,
    });
  });
}

/** Its alerts stay as history; an unresolved one is resolved by whoever deleted the rule. */
export async function deleteAlertRule(ctx: TenantServiceContext<"id" | "name">, ruleId: string) {
  const { tenant } = ctx;
  return ctx.db.transaction(async (tx) => {
    await resolveRuleAlert(tx, tenant.id, ruleId, ctx.actor.id);
    const [rule] = await tx
      .delete(alertRules)
      .where(and(eq(alertRules.id, ruleId), eq(alertRules.tenantId, tenant.id)))
      .returning();
    if (!rule) throw new NotFoundError("No such alert rule in this tenant.");
    await recordAudit(tx, {
      ...auditActor(ctx.actor),
      action: "alert_rule.deleted",
      tenantId: tenant.id,
      target: rule.name,
      details: { ruleId },
      ip: ctx.ip,
    });
  });
}
