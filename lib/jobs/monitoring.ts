import type { Log } from "@/lib/observability/logger";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { budgets, infrastructures, tenants, type Tenant } from "@/db/schema";
import { evaluateAlertRules } from "@/lib/alerts/evaluate-rules";
import { syncCloudAlarms } from "@/lib/alerts/sync-cloud-alarms";
import { readUnresolvedAlerts } from "@/lib/alerts/unresolved-alerts";
import { evaluateBudget } from "@/lib/billing/evaluate-budgets";
import { syncTenantCosts } from "@/lib/billing/sync-costs";
import { driversByInfrastructure } from "@/lib/cloud";
import type { CloudDriver } from "@/lib/cloud/contract";

// One driver per infrastructure per tick, and one tenant's failure does not stop the others.
async function forEachTenant(
  db: Db,
  log: Log,
  statuses: Tenant["status"][],
  work: (tenant: { id: string; name: string }, driver: CloudDriver) => Promise<unknown>,
) {
  const rows = await db
    .select({ tenant: { id: tenants.id, name: tenants.name }, infrastructure: infrastructures })
    .from(tenants)
    .innerJoin(infrastructures, eq(infrastructures.id, tenants.infrastructureId))
    .where(inArray(tenants.status, statuses));
  const driverOf = driversByInfrastructure(db);
  for (const { tenant, infrastructure } of rows) {
    try {
      await work(tenant, await driverOf(infrastructure));
    } catch (error) {
      log("error", `tenant ${tenant.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Alert rules and the clouds' own alarms, every tick. */
export async function runMonitoringTick(db: Db, log: Log, now = new Date()): Promise<void> {
  // Rules' keys and alarms' keys never meet, so one reading serves both.
  const unresolved = await readUnresolvedAlerts(db);
  await evaluateAlertRules(db, now, unresolved);
  await forEachTenant(db, log, ["ready"], (tenant, driver) => syncCloudAlarms(db, tenant, driver, unresolved));
}

// A tenant costs money from its first resource to its last, whatever the state of its own record.
const billedStatuses: Tenant["status"][] = ["provisioning", "ready", "failed", "deleting"];

/** Costs from each tenant's cloud, then the budgets against them. */
export async function runBillingTick(db: Db, log: Log, now = new Date()): Promise<void> {
  await forEachTenant(db, log, billedStatuses, (tenant, driver) => syncTenantCosts(db, tenant, driver, now));
  const budgeted = await db
    .select({ tenantId: budgets.tenantId })
    .from(budgets)
    .innerJoin(tenants, eq(tenants.id, budgets.tenantId))
    .where(inArray(tenants.status, billedStatuses));
  for (const { tenantId } of budgeted) await evaluateBudget(db, tenantId, now.toISOString().slice(0, 10));
}
