import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertEvents, alerts, type Alert } from "@/db/schema";
import { enqueueDeliveries } from "@/lib/notifications/enqueue-deliveries";

export type AlertOpening = Pick<Alert, "tenantId" | "source" | "key" | "title" | "severity"> &
  Partial<Pick<Alert, "ruleId" | "resource" | "value" | "details">>;

// Every state change is an event, and every event goes to the tenant's channels: in one transaction.
async function recordTransition(
  tx: Db,
  alert: Pick<Alert, "id" | "tenantId">,
  transition: Alert["state"],
  actorId: string | null,
) {
  const [event] = await tx
    .insert(alertEvents)
    .values({ alertId: alert.id, tenantId: alert.tenantId, transition, actorId })
    .returning({ id: alertEvents.id });
  await enqueueDeliveries(tx, { tenantId: alert.tenantId, alertEventId: event!.id });
}

/** Opens an alert for the key unless one is already unresolved; returns it only when it is new. */
export async function openAlert(db: Db, opening: AlertOpening): Promise<Alert | null> {
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .insert(alerts)
      .values({ ...opening, state: "open" })
      .onConflictDoNothing({ target: [alerts.tenantId, alerts.key], where: sql`state <> 'resolved'` })
      .returning();
    if (alert) await recordTransition(tx, alert, "open", null);
    return alert ?? null;
  });
}

/** Resolves the unresolved alert of a key (its condition cleared); nothing when there is none. */
export async function resolveAlertByKey(db: Db, tenantId: string, key: string, value?: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .update(alerts)
      .set({ state: "resolved", resolvedAt: sql`now()`, resolvedBy: null, ...(value === undefined ? {} : { value }) })
      .where(and(eq(alerts.tenantId, tenantId), eq(alerts.key, key), ne(alerts.state, "resolved")))
      .returning();
    if (alert) await recordTransition(tx, alert, "resolved", null);
    return alert !== undefined;
  });
}

/** A person's change (acknowledge or resolve), inside the caller's transaction with its audit. */
export async function changeAlertState(
  tx: Db,
  tenantId: string,
  alertId: string,
  to: "acknowledged" | "resolved",
  actorId: string,
): Promise<Alert | null> {
  const from = to === "acknowledged" ? sql`${alerts.state} = 'open'` : sql`${alerts.state} <> 'resolved'`;
  const stamp =
    to === "acknowledged"
      ? { acknowledgedAt: sql`now()`, acknowledgedBy: actorId }
      : { resolvedAt: sql`now()`, resolvedBy: actorId };
  const [alert] = await tx
    .update(alerts)
    .set({ state: to, ...stamp })
    .where(and(eq(alerts.id, alertId), eq(alerts.tenantId, tenantId), from))
    .returning();
  if (alert) await recordTransition(tx, alert, to, actorId);
  return alert ?? null;
}
