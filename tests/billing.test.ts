import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  alerts,
  budgetCrossings,
  costDaily,
  localCloudResources,
  notificationChannels,
  notificationDeliveries,
  tenants,
} from "@/db/schema";
import { evaluateBudget } from "@/lib/billing/evaluate-budgets";
import { removeTenantCosts } from "@/lib/billing/remove-costs";
import { setBudget } from "@/lib/billing/manage-budget";
import { setBudgetInput } from "@/lib/billing/budget-input";
import { syncTenantCosts } from "@/lib/billing/sync-costs";
import { createLocalDriver } from "@/lib/cloud/local";
import { addDemoFleet } from "@/lib/resources/demo-fleet";
import { loadActor } from "@/lib/context/actor";
import { insertCosts } from "./helpers/costs";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser } from "./helpers/factory";

const now = new Date("2026-11-20T12:00:00Z");
const day = (d: string) => d;

describe("budget input", () => {
  it.each([
    [{ tenant: "dev", monthlyAmount: 0, thresholds: [50] }, "The budget must be more than 0."],
    [{ tenant: "dev", monthlyAmount: 100, thresholds: [] }, "Give at least one threshold."],
    [{ tenant: "dev", monthlyAmount: 100, thresholds: [50, 50] }, "Each threshold once."],
    [{ tenant: "dev", monthlyAmount: 100, thresholds: [500] }, "A threshold is at most 200%."],
  ])("refuses %o", (input, message) => {
    expect(setBudgetInput.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});

describe.each(testDatabases())("billing on $kind", (target) => {
  const database = useDatabase(target);

  it("copies the local cloud's costs by day and service, backfilled once, and never rewrites a settled day", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    await addDemoFleet(db, tenant.infrastructureId, tenant.name, new Date("2026-10-01T06:00:00Z"));
    let clock = now;
    const driver = createLocalDriver(db, tenant.infrastructureId, {}, () => clock);
    await syncTenantCosts(db, tenant, driver, now);
    const rows = await db.select().from(costDaily).where(eq(costDaily.tenantId, tenant.id));
    const days = [...new Set(rows.map((r) => r.day))].sort();
    expect(days[0]).toBe("2026-10-01");
    expect(days.at(-1)).toBe("2026-11-20");
    expect(new Set(rows.map((r) => r.service))).toEqual(
      new Set([
        "Amazon EC2",
        "Amazon EKS",
        "Elastic Load Balancing",
        "Amazon S3",
        "Amazon CloudWatch",
        "AWS Data Transfer",
      ]),
    );
    const ec2 = (d: string) => rows.find((r) => r.day === d && r.service === "Amazon EC2")!.amount;
    // db-host is a t3.medium: 24 h at 0.0416 a full day, 18 h on the first; kept in cents.
    expect(ec2(day("2026-11-01"))).toBeCloseTo(24 * 0.0416, 2);
    expect(ec2(day("2026-10-01"))).toBeCloseTo(18 * 0.0416, 2);
    expect(ec2(day("2026-11-20"))).toBeCloseTo(12 * 0.0416, 2);

    // The host goes; a later sync leaves settled days as they were and re-reads the recent ones.
    await db
      .delete(localCloudResources)
      .where(and(eq(localCloudResources.tenantTag, tenant.name), eq(localCloudResources.kind, "host")));
    clock = new Date("2026-11-20T18:00:00Z");
    await syncTenantCosts(db, tenant, driver, clock);
    const after = await db
      .select()
      .from(costDaily)
      .where(and(eq(costDaily.tenantId, tenant.id), eq(costDaily.service, "Amazon EC2")));
    expect(after.find((r) => r.day === "2026-11-01")!.amount).toBeCloseTo(24 * 0.0416, 2);
    expect(after.find((r) => r.day === "2026-11-20")).toBeUndefined();
    await removeTenantCosts(db, [tenant.id]);
  });

  it("fires each budget threshold once a month, on the forecast before the actual, and notifies the channels", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const actor = await loadActor(db, await createUser(db));
    await db
      .insert(notificationChannels)
      .values({ tenantId: tenant.id, name: "hook", kind: "webhook", target: "http://127.0.0.1:9/never" });
    await setBudget(
      { db, actor, ip: null, tenant },
      { tenant: tenant.name, monthlyAmount: 100, thresholds: [100, 50, 80] },
      "2026-11-10",
    );
    const spend = (d: string, amount: number) =>
      insertCosts(db, [{ tenantId: tenant.id, day: d, service: "Amazon EC2", amount }]);
    // $3 a day for 9 days: $27 spent, and the forecast for 30 days is about $90.
    for (let d = 1; d <= 9; d++) await spend(`2026-11-0${d}`, 3);
    expect(await evaluateBudget(db, tenant.id, "2026-11-10")).toEqual([50, 80]);
    expect(await evaluateBudget(db, tenant.id, "2026-11-10")).toEqual([]);
    await spend("2026-11-10", 80);
    expect(await evaluateBudget(db, tenant.id, "2026-11-11")).toEqual([100]);
    expect(await evaluateBudget(db, tenant.id, "2026-11-12")).toEqual([]);
    const opened = await db
      .select({ title: alerts.title, severity: alerts.severity })
      .from(alerts)
      .where(eq(alerts.tenantId, tenant.id));
    expect(opened).toHaveLength(3);
    expect(opened.find((a) => a.severity === "critical")!.title).toBe(
      "100% of the monthly budget spent: $107.00 of $100.00",
    );
    expect(opened.find((a) => a.severity === "info")!.title).toMatch(
      /^Forecast to reach 50% of the monthly budget: \$/,
    );
    expect(
      await db.select().from(notificationDeliveries).where(eq(notificationDeliveries.tenantId, tenant.id)),
    ).toHaveLength(3);

    // A new month starts over (at $55 a day every threshold is soon crossed), and last month's budget alerts are resolved.
    await spend("2026-12-01", 55);
    expect(await evaluateBudget(db, tenant.id, "2026-12-02")).toEqual([50, 80, 100]);
    const crossings = await db
      .select({ month: budgetCrossings.month, basis: budgetCrossings.basis })
      .from(budgetCrossings)
      .where(eq(budgetCrossings.tenantId, tenant.id));
    expect(
      crossings
        .filter((c) => c.month === "2026-12")
        .map((c) => c.basis)
        .sort(),
    ).toEqual(["actual", "forecast", "forecast"]);
    const unresolved = await db
      .select({ key: alerts.key })
      .from(alerts)
      .where(and(eq(alerts.tenantId, tenant.id), inArray(alerts.state, ["open", "acknowledged"])));
    expect(unresolved.map((a) => a.key).sort()).toEqual([
      "budget:2026-12:100",
      "budget:2026-12:50",
      "budget:2026-12:80",
    ]);
    await removeTenantCosts(db, [tenant.id]);
    await db.delete(tenants).where(eq(tenants.id, tenant.id));
  });
});
