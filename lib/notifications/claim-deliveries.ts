import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertEvents, alerts, notificationChannels, notificationDeliveries, tenants, users } from "@/db/schema";
import type { AlertNotice } from "./messages";

const d = notificationDeliveries;

/**
 * Takes up to `limit` due messages for this worker. One UPDATE … RETURNING moves their
 * next_attempt_at past the lease (the longest a send may take) and counts the attempt, so the
 * claim commits at once and no transaction or lock is held while the receivers answer; another
 * worker's claim skips the locked rows and, re-checking the WHERE, rows just claimed. A worker
 * that dies mid-send leaves its messages to be taken again after the lease (at least once).
 * The same SQL runs on PostgreSQL and PGlite.
 */
export async function claimDueDeliveries(
  db: Db,
  input: { now: Date; leaseUntil: Date; limit: number; tenantId?: string },
) {
  const enabledChannels = db
    .select({ id: notificationChannels.id })
    .from(notificationChannels)
    .where(eq(notificationChannels.enabled, true));
  const due = and(
    eq(d.state, "pending"),
    lte(d.nextAttemptAt, input.now),
    input.tenantId ? eq(d.tenantId, input.tenantId) : undefined,
  );
  const candidates = db
    .select({ id: d.id })
    .from(d)
    .where(and(due, inArray(d.channelId, enabledChannels)))
    .orderBy(d.nextAttemptAt)
    .limit(input.limit)
    .for("update", { skipLocked: true });
  return db
    .update(d)
    .set({ nextAttemptAt: input.leaseUntil, attempts: sql`${d.attempts} + 1` })
    .where(and(inArray(d.id, candidates), due))
    .returning({ id: d.id, attempts: d.attempts });
}
export type DeliveryClaim = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

/** What each claimed message is about and where it goes; a message whose rows are gone is absent. */
export async function loadDeliveryNotices(db: Db, ids: string[]) {
  const rows = await db
    .select({
      id: d.id,
      channel: {
        id: notificationChannels.id,
        kind: notificationChannels.kind,
        target: notificationChannels.target,
        enabled: notificationChannels.enabled,
      },
      event: { transition: alertEvents.transition, at: alertEvents.at },
      alert: {
        id: alerts.id,
        title: alerts.title,
        severity: alerts.severity,
        resource: alerts.resource,
        value: alerts.value,
        openedAt: alerts.openedAt,
      },
      tenant: tenants.name,
      actor: { id: users.id, name: users.name },
    })
    .from(d)
    .innerJoin(notificationChannels, eq(notificationChannels.id, d.channelId))
    .innerJoin(alertEvents, eq(alertEvents.id, d.alertEventId))
    .innerJoin(alerts, eq(alerts.id, alertEvents.alertId))
    .innerJoin(tenants, eq(tenants.id, d.tenantId))
    .leftJoin(users, eq(users.id, alertEvents.actorId))
    .where(inArray(d.id, ids));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        channel: r.channel,
        notice: { tenant: r.tenant, alert: r.alert, event: r.event, actor: r.actor } satisfies AlertNotice,
      },
    ]),
  );
}
