import { alertEvents, alerts } from "@/db/schema";
import type { Db } from "@/db/client";
import { loadActor } from "@/lib/context/actor";
import { enqueueDeliveries } from "@/lib/notifications/enqueue-deliveries";
import { createTenant, createUser, uniqueName } from "./factory";

/** A tenant and an admin acting on it, as the services take them. */
export async function notificationSetup(db: Db) {
  const tenant = await createTenant(db);
  const admin = await createUser(db, { role: "admin" });
  const ctx = { db, actor: await loadActor(db, admin), ip: "127.0.0.1" };
  return { tenant, admin, ctx, tenantRef: { id: tenant.id, name: tenant.name } };
}

/** An alert opened by the system and resolved by `resolvedBy`, inserted directly, with both events queued. */
export async function alertWithEvents(db: Db, tenantId: string, resolvedBy: string | null) {
  const openedAt = new Date(Date.now() - 60_000);
  const [alert] = await db
    .insert(alerts)
    .values({
      tenantId,
      source: "rule",
      key: uniqueName("rule"),
      title: "CPU above 90% on web",
      severity: "critical",
      resource: "web",
      value: 93.5,
      openedAt,
      state: "resolved",
      resolvedAt: new Date(),
      resolvedBy,
    })
    .returning();
  const [opened, resolved] = await db
    .insert(alertEvents)
    .values([
      { alertId: alert!.id, tenantId, transition: "open", at: openedAt },
      { alertId: alert!.id, tenantId, transition: "resolved", actorId: resolvedBy, at: new Date() },
    ])
    .returning();
  const queued = await db.transaction(async (tx) => [
    await enqueueDeliveries(tx, { tenantId, alertEventId: opened!.id }),
    await enqueueDeliveries(tx, { tenantId, alertEventId: resolved!.id }),
  ]);
  return { alert: alert!, opened: opened!, resolved: resolved!, queued };
}
