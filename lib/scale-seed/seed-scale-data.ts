import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { ScaleSeedOptions } from "./scale-options";
import {
  countScaleTenants,
  countProvisionOperations,
  ensureScaleInfrastructure,
  insertProvisionOperations,
  insertScaleTenants,
  loadScaleTenants,
} from "./seed-tenants";
import { countFleetRows, insertFleets } from "./seed-fleet";
import { countInventoried, insertInventories } from "./seed-inventory";
import { countScaleGrants, countScaleUsers, insertScaleGrants, insertScaleUsers } from "./seed-users";
import {
  countAlertEvents,
  countAlertRules,
  countAlerts,
  insertAlertEvents,
  insertAlertRules,
  insertAlerts,
} from "./seed-alerts";
import { countAuditEvents, insertAuditEvents } from "./seed-audit";
import { countCostDays, insertCostDays } from "./seed-costs";
import { countLogLines, insertLogLines } from "./seed-logs";
import { countMetricPoints, insertMetricPoints } from "./seed-metrics";
import type { PhaseResult, ScaleContext } from "./scale-context";

export type ScaleSeedSummary = { database?: string; prefix: string; tables: PhaseResult[]; seconds: number };

const since = (started: number) => +((performance.now() - started) / 1000).toFixed(1);

/**
 * Fills the database with `options.tenants` tenants and `options.users` users and their
 * resources, grants, telemetry, costs, alerts and audit log, all named after `options.prefix`. Safe to run
 * again: what exists is counted as "existing" and left as it is, never duplicated or overwritten.
 */
export async function seedScaleData(
  db: Db,
  options: ScaleSeedOptions,
  progress: (message: string) => void = () => {},
): Promise<ScaleSeedSummary> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const tables: PhaseResult[] = [];
  const phase = async (table: string, count: () => Promise<number>, insert: () => Promise<number>) => {
    const phaseStarted = performance.now();
    progress(`${table}…`);
    const existing = await count();
    const created = await insert();
    tables.push({ table, created, existing, seconds: since(phaseStarted) });
    progress(
      `${table}: ${created.toLocaleString("en")} created, ${existing.toLocaleString("en")} already there (${since(phaseStarted)} s)`,
    );
  };

  const infrastructure = await ensureScaleInfrastructure(db, options.prefix);
  tables.push({
    table: "infrastructures",
    created: infrastructure.created,
    existing: 1 - infrastructure.created,
    seconds: since(started),
  });
  const { prefix } = options;
  await phase(
    "tenants",
    () => countScaleTenants(db, prefix, options.tenants),
    () => insertScaleTenants(db, prefix, options.tenants, infrastructure.id, now),
  );
  const ctx: ScaleContext = {
    db,
    prefix,
    now,
    infrastructureId: infrastructure.id,
    tenants: await loadScaleTenants(db, prefix, options.tenants, infrastructure.id),
    progress,
  };
  await phase(
    "operations",
    () => countProvisionOperations(ctx),
    () => insertProvisionOperations(ctx),
  );
  await phase(
    "local_cloud_resources",
    () => countFleetRows(ctx),
    () => insertFleets(ctx),
  );
  await phase(
    "tenant_inventory",
    () => countInventoried(ctx),
    () => insertInventories(ctx),
  );
  await phase(
    "users",
    () => countScaleUsers(db, prefix, options.users, now),
    () => insertScaleUsers(db, prefix, options.users, now),
  );
  await phase(
    "tenant_grants",
    () => countScaleGrants(ctx, options.users),
    () => insertScaleGrants(ctx, options.users, options.tenants),
  );
  await phase(
    "alert_rules",
    () => countAlertRules(ctx),
    () => insertAlertRules(ctx),
  );
  await phase(
    "alerts",
    () => countAlerts(ctx),
    () => insertAlerts(ctx),
  );
  await phase(
    "alert_events",
    () => countAlertEvents(ctx),
    () => insertAlertEvents(ctx),
  );
  await phase(
    "audit_events",
    () => countAuditEvents(ctx),
    () => insertAuditEvents(ctx),
  );
  await phase(
    "cost_daily",
    () => countCostDays(ctx),
    () => insertCostDays(ctx, options.costDays),
  );
  await phase(
    "log_lines",
    () => countLogLines(ctx),
    () => insertLogLines(ctx, options.logLinesPerTenant, options.telemetryHours),
  );
  await phase(
    "metric_points",
    () => countMetricPoints(ctx),
    () => insertMetricPoints(ctx, options.telemetryHours),
  );

  if (tables.some((t) => t.created > 0)) {
    progress("analyze…");
    // The planner needs row counts after millions of new rows; VACUUM writes the visibility map index-only scans rely on.
    for (const table of [
      "tenants",
      "users",
      "tenant_grants",
      "local_cloud_resources",
      "tenant_inventory",
      "tenant_inventory_refreshes",
      "cost_daily",
      "cost_monthly",
      "cost_monthly_totals",
      "log_lines",
      "metric_points",
      "alerts",
      "audit_events",
    ])
      await db.execute(sql.raw(`vacuum analyze ${table}`));
  }
  return { prefix, tables, seconds: since(started) };
}
