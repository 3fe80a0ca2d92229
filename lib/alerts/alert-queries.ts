import { aliasedTable, and, asc, count, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertEvents, alertRules, alerts, tenants, users } from "@/db/schema";
import { sortedBy } from "@/db/sorted-by";

export type AlertFilter = {
  state?: "open" | "acknowledged" | "resolved" | "unresolved" | "all";
  severity?: "info" | "warning" | "critical";
  /** Newest first when left out; severity and state sort in their enums' order (info → critical, open → resolved). */
  sort?: "openedAt" | "severity" | "state";
  dir?: "asc" | "desc";
};
const acknowledger = aliasedTable(users, "acknowledger");
const resolver = aliasedTable(users, "resolver");
const lastAlert = aliasedTable(alerts, "last_alert");

function filterConditions(filter: AlertFilter): (SQL | undefined)[] {
  const state = filter.state ?? "unresolved";
  return [
    state === "unresolved" ? ne(alerts.state, "resolved") : state === "all" ? undefined : eq(alerts.state, state),
    filter.severity ? eq(alerts.severity, filter.severity) : undefined,
  ];
}

const alertColumns = {
  id: alerts.id,
  tenant: tenants.name,
  ruleId: alerts.ruleId,
  source: alerts.source,
  title: alerts.title,
  severity: alerts.severity,
  resource: alerts.resource,
  state: alerts.state,
  value: alerts.value,
  openedAt: alerts.openedAt,
  acknowledgedAt: alerts.acknowledgedAt,
  acknowledgedBy: acknowledger.name,
  resolvedAt: alerts.resolvedAt,
  resolvedBy: resolver.name,
};
export type AlertRow = { [K in keyof typeof alertColumns]: (typeof alertColumns)[K]["_"]["data"] | null } & {
  id: string;
  title: string;
};

const selectAlerts = (db: Db) =>
  db
    .select(alertColumns)
    .from(alerts)
    .innerJoin(tenants, eq(tenants.id, alerts.tenantId))
    .leftJoin(acknowledger, eq(acknowledger.id, alerts.acknowledgedBy))
    .leftJoin(resolver, eq(resolver.id, alerts.resolvedBy));

/** One page of alerts, newest first unless the filter sorts otherwise: one tenant's, or (no tenant) every tenant's for the admin view. */
export async function listAlerts(
  db: Db,
  scope: { tenantId?: string },
  filter: AlertFilter,
  page = 1,
  pageSize = 25,
): Promise<{ rows: AlertRow[]; total: number }> {
  const where = and(scope.tenantId ? eq(alerts.tenantId, scope.tenantId) : undefined, ...filterConditions(filter));
  const [rows, [total]] = await Promise.all([
    selectAlerts(db)
      .where(where)
      .orderBy(...orderOf(filter))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(alerts).where(where),
  ]);
  return { rows: rows as AlertRow[], total: total?.n ?? 0 };
}

// Newest first breaks ties, so a page boundary never splits or repeats a row.
function orderOf({ sort = "openedAt", dir = "desc" }: AlertFilter) {
  if (sort === "openedAt") return [sortedBy(alerts.openedAt, dir), desc(alerts.id)];
  return [sortedBy(alerts[sort], dir), desc(alerts.openedAt), desc(alerts.id)];
}

// Compared in the database, to the microsecond a cursor holding a JavaScript date would lose.
const olderThan = (db: Db, tenantId: string, alertId: string) =>
  sql`(${alerts.openedAt}, ${alerts.id}) < (${db
    .select({ openedAt: lastAlert.openedAt, id: lastAlert.id })
    .from(lastAlert)
    .where(and(eq(lastAlert.id, alertId), eq(lastAlert.tenantId, tenantId)))})`;

/**
 * One tenant's alerts newest first, a keyset page at a time after the alert of id `after` (so an
 * insert never shifts a page), or the one of `filter.id`.
 */
export async function alertsAfter(
  db: Db,
  tenantId: string,
  filter: Pick<AlertFilter, "state" | "severity"> & { id?: string },
  after: string | null,
  limit: number,
): Promise<AlertRow[]> {
  const rows = await selectAlerts(db)
    .where(
      and(
        eq(alerts.tenantId, tenantId),
        ...filterConditions(filter),
        filter.id ? eq(alerts.id, filter.id) : undefined,
        after ? olderThan(db, tenantId, after) : undefined,
      ),
    )
    .orderBy(desc(alerts.openedAt), desc(alerts.id))
    .limit(limit);
  return rows as AlertRow[];
}

/** Each alert's state changes with who made them, oldest first. */
export async function alertHistories(db: Db, alertIds: string[]) {
  if (alertIds.length === 0) return new Map<string, { transition: string; actor: string | null; at: Date }[]>();
  const events = await db
    .select({ alertId: alertEvents.alertId, transition: alertEvents.transition, actor: users.name, at: alertEvents.at })
    .from(alertEvents)
    .leftJoin(users, eq(users.id, alertEvents.actorId))
    .where(inArray(alertEvents.alertId, alertIds))
    .orderBy(asc(alertEvents.at));
  const byAlert = new Map<string, { transition: string; actor: string | null; at: Date }[]>();
  for (const { alertId, ...event } of events) byAlert.set(alertId, [...(byAlert.get(alertId) ?? []), event]);
  return byAlert;
}

export const listAlertRules = (db: Db, tenantId: string) =>
  db.select().from(alertRules).where(eq(alertRules.tenantId, tenantId)).orderBy(asc(alertRules.name));

/** One tenant's unresolved alerts, for the navigation badge and the overview: counted in the partial index of unresolved alerts. */
export async function countUnresolvedAlerts(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(alerts)
    .where(and(eq(alerts.tenantId, tenantId), ne(alerts.state, "resolved")));
  return row?.n ?? 0;
}
