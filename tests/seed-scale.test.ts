import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { and, count, eq, inArray, isNotNull, like, or } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  alertEvents,
  alertRules,
  alerts,
  auditEvents,
  costDaily,
  infrastructures,
  localCloudResources,
  logLines,
  metricPoints,
  operations,
  tenantGrants,
  tenantInventory,
  tenantInventoryRefreshes,
  tenants,
  users,
} from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { planGrants } from "@/lib/scale-seed/plan-grants";
import { removeScaleData } from "@/lib/scale-seed/remove-scale-data";
import {
  loadAdminEmail,
  loadTestEmail,
  scaleEmailPattern,
  scaleInfrastructureName,
  scalePassword,
} from "@/lib/scale-seed/scale-names";
import { parseScaleFlags } from "@/lib/scale-seed/scale-options";
import { seedScaleData, type ScaleSeedSummary } from "@/lib/scale-seed/seed-scale-data";
import { rollups } from "./helpers/costs";
import { testDatabases, useDatabase } from "./helpers/databases";

const created = (summary: ScaleSeedSummary) => Object.fromEntries(summary.tables.map((t) => [t.table, t.created]));

/** How many rows of each table belong to the prefix's tenants and users. */
async function rowCounts(db: Db, prefix: string) {
  const [infra] = await db
    .select()
    .from(infrastructures)
    .where(eq(infrastructures.name, scaleInfrastructureName(prefix)));
  const tenantRows = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.infrastructureId, infra!.id));
  const ids = tenantRows.map((t) => t.id);
  const userRows = await db
    .select({ id: users.id })
    .from(users)
    .where(like(users.email, scaleEmailPattern(prefix)));
  const n = async (
    table:
      | typeof operations
      | typeof alertRules
      | typeof alerts
      | typeof alertEvents
      | typeof costDaily
      | typeof logLines
      | typeof metricPoints,
  ) => (await db.select({ n: count() }).from(table).where(inArray(table.tenantId, ids)))[0]!.n;
  return {
    infrastructures: 1,
    tenants: ids.length,
    operations: await n(operations),
    local_cloud_resources: (
      await db
        .select({ n: count() })
        .from(localCloudResources)
        .where(eq(localCloudResources.infrastructureId, infra!.id))
    )[0]!.n,
    tenant_inventory: (
      await db
        .select({ n: count() })
        .from(tenantInventoryRefreshes)
        .where(and(inArray(tenantInventoryRefreshes.tenantId, ids), isNotNull(tenantInventoryRefreshes.refreshedAt)))
    )[0]!.n,
    users: userRows.length,
    tenant_grants: (
      await db
        .select({ n: count() })
        .from(tenantGrants)
        .where(
          inArray(
            tenantGrants.userId,
            userRows.map((u) => u.id),
          ),
        )
    )[0]!.n,
    alert_rules: await n(alertRules),
    alerts: await n(alerts),
    alert_events: await n(alertEvents),
    audit_events: (
      await db
        .select({ n: count() })
        .from(auditEvents)
        .where(or(inArray(auditEvents.tenantId, ids), like(auditEvents.target, scaleEmailPattern(prefix))))
    )[0]!.n,
    cost_daily: await n(costDaily),
    log_lines: await n(logLines),
    metric_points: await n(metricPoints),
  };
}

describe.each(testDatabases())("seedScaleData on $kind", (target) => {
  const database = useDatabase(target);
  // The PostgreSQL test database is shared with files running at the same time: names of our own.
  const prefix = `seedtest-${randomUUID().slice(0, 6)}`;
  const options = { tenants: 5, users: 20, telemetryHours: 2, costDays: 3, logLinesPerTenant: 40, prefix };
  let first: ScaleSeedSummary;
  // Registered after useDatabase, so it runs before the database closes.
  afterAll(() => removeScaleData(database().db, prefix));

  it("makes the tenants, users, fleet, telemetry, costs and alerts it reports", async () => {
    const { db } = database();
    first = await seedScaleData(db, options);

    expect(first.tables.every((t) => t.existing === 0)).toBe(true);
    expect(created(first)).toEqual(await rowCounts(db, prefix));
    expect(created(first)).toMatchObject({
      infrastructures: 1,
      tenants: 5,
      operations: 5,
      local_cloud_resources: 50,
      tenant_inventory: 5,
      users: 22,
      log_lines: 200,
      metric_points: 5 * 22 * 24,
    });
    const costs = created(first).cost_daily!;
    expect(costs).toBeGreaterThanOrEqual(5 * 7);
    expect(costs).toBeLessThanOrEqual(5 * 7 * 3);
    expect(created(first).alert_rules).toBeGreaterThanOrEqual(5);
    expect(created(first).alert_events).toBeGreaterThanOrEqual(created(first).alerts!);
    // The log an admin would have left: each tenant and account created, each grant set.
    expect(created(first).audit_events).toBe(5 + 22 + created(first).tenant_grants!);

    const seeded = await db
      .select()
      .from(tenants)
      .where(like(tenants.name, `${prefix}-%`));
    expect(seeded.map((t) => t.status)).toEqual(Array(5).fill("ready"));
    const { expected, actual } = await rollups(
      db,
      seeded.map((t) => t.id),
    );
    expect(actual.totals.length).toBeGreaterThanOrEqual(5);
    expect(actual).toEqual(expected);
    const provisions = await db
      .select()
      .from(operations)
      .where(
        inArray(
          operations.tenantId,
          seeded.map((t) => t.id),
        ),
      );
    expect(provisions.map((o) => `${o.kind} ${o.state}`)).toEqual(Array(5).fill("provision succeeded"));
    const fleet = await db
      .select()
      .from(localCloudResources)
      .where(eq(localCloudResources.tenantTag, `${prefix}-0001`));
    // The pages read the inventory the seed read from that fleet, as a worker would have (names within their namespace).
    const [first1] = seeded.filter((t) => t.name === `${prefix}-0001`);
    const inventory = await db.select().from(tenantInventory).where(eq(tenantInventory.tenantId, first1!.id));
    expect(inventory.map((r) => `${r.kind} ${r.name}`).sort()).toEqual(
      fleet.map((r) => `${r.kind} ${r.name.split("/").pop()}`).sort(),
    );
    expect(fleet.map((r) => `${r.kind} ${r.name}`)).toEqual(
      expect.arrayContaining([
        `workload tenant-${prefix}-0001/web`,
        `load_balancer tenant-${prefix}-0001/web`,
        `host ${prefix}-0001/db-host`,
        `bucket enclave-${prefix}-0001-assets`,
      ]),
    );
  });

  it("spreads grants with a skew, mostly read, and gives the load-test account exactly three", async () => {
    const { db } = database();
    const grants = await db
      .select({ email: users.email, tenant: tenants.name, level: tenantGrants.level })
      .from(tenantGrants)
      .innerJoin(users, eq(users.id, tenantGrants.userId))
      .innerJoin(tenants, eq(tenants.id, tenantGrants.tenantId))
      .where(like(users.email, scaleEmailPattern(prefix)));
    const loadTest = grants
      .filter((g) => g.email === loadTestEmail(prefix))
      .map((g) => `${g.tenant} ${g.level}`)
      .sort();
    expect(loadTest).toEqual([`${prefix}-0001 write`, `${prefix}-0002 read`, `${prefix}-0003 read`]);
    expect(grants.filter((g) => g.level === "read").length).toBeGreaterThan(
      grants.filter((g) => g.level === "write").length,
    );

    const [account] = await db
      .select()
      .from(users)
      .where(eq(users.email, loadTestEmail(prefix)));
    expect(await verifyPassword(account!.passwordHash!, scalePassword)).toBe(true);
    const [admin] = await db
      .select()
      .from(users)
      .where(and(eq(users.email, loadAdminEmail(prefix)), eq(users.role, "admin")));
    expect(admin).toBeDefined();

    const log = await db
      .select({
        action: auditEvents.action,
        tenant: tenants.name,
        details: auditEvents.details,
        actor: auditEvents.actorId,
      })
      .from(auditEvents)
      .leftJoin(tenants, eq(tenants.id, auditEvents.tenantId))
      .where(eq(auditEvents.target, loadTestEmail(prefix)));
    expect(log.map((e) => `${e.action} ${e.tenant} ${e.details.level}`).sort()).toEqual([
      `grant.set ${prefix}-0001 write`,
      `grant.set ${prefix}-0002 read`,
      `grant.set ${prefix}-0003 read`,
      "user.create null undefined",
    ]);
    expect(new Set(log.map((e) => e.actor))).toEqual(new Set([admin!.id]));
  });

  it("creates nothing and changes nothing when run again", async () => {
    const { db } = database();
    const before = await rowCounts(db, prefix);
    const hashes = await db
      .select({ email: users.email, hash: users.passwordHash })
      .from(users)
      .where(like(users.email, scaleEmailPattern(prefix)))
      .orderBy(users.email);

    const again = await seedScaleData(db, options);

    expect(again.tables.map((t) => t.created)).toEqual(again.tables.map(() => 0));
    expect(Object.fromEntries(again.tables.map((t) => [t.table, t.existing]))).toEqual(before);
    expect(await rowCounts(db, prefix)).toEqual(before);
    expect(
      await db
        .select({ email: users.email, hash: users.passwordHash })
        .from(users)
        .where(like(users.email, scaleEmailPattern(prefix)))
        .orderBy(users.email),
    ).toEqual(hashes);
  });
});

describe("the scale seed's plan and flags", () => {
  it("gives most of 10,000 users one to three of 1,000 tenants and a few dozens", () => {
    const grants = planGrants("scale", 10_000, 1_000, new Date("2026-01-01T00:00:00Z"));
    const perUser = new Map<string, number>();
    for (const g of grants) perUser.set(g.email, (perUser.get(g.email) ?? 0) + 1);
    const counts = [...perUser.values()];
    expect(counts.filter((n) => n >= 1 && n <= 3).length / counts.length).toBeGreaterThan(0.8);
    expect(counts.filter((n) => n >= 20).length).toBeGreaterThan(50);
    expect(counts.filter((n) => n >= 20).length / counts.length).toBeLessThan(0.03);
    expect(grants.filter((g) => g.level === "read").length).toBeGreaterThan(
      2 * grants.filter((g) => g.level === "write").length,
    );
  });

  it("answers a bad flag with one line", () => {
    expect(parseScaleFlags(["--tenants", "1000", "--users", "10000"])).toEqual({
      options: {
        tenants: 1000,
        users: 10000,
        telemetryHours: 24,
        costDays: 90,
        logLinesPerTenant: 500,
        prefix: "scale",
      },
    });
    expect(parseScaleFlags(["--tenants", "lots", "--users", "10"])).toEqual({
      error: "--tenants must be a whole number from 1 to 100000",
    });
    expect(parseScaleFlags(["--tenants", "5"])).toEqual({
      error: "--users is required: a whole number from 1 to 1000000",
    });
    expect(parseScaleFlags(["--tenants", "5", "--users", "5", "--cost-days", "1.5"])).toEqual({
      error: "--cost-days must be a whole number from 0 to 730",
    });
    expect(parseScaleFlags(["--tenants", "5", "--users", "5", "--colour", "red"])).toMatchObject({
      error: expect.stringMatching(/^Unknown option '--colour'; the flags are --tenants/),
    });
  });

  it("exits with code 2 and the reason on a bad flag, before touching a database", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/seed-scale.ts", "--tenants", "0", "--users", "10"],
      { encoding: "utf8", env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" } },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("--tenants must be a whole number from 1 to 100000");
  });
});
