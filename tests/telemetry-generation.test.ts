import { and, count, eq, gt, inArray, lte, sql } from "drizzle-orm";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { logLines } from "@/db/schema";
import { addDemoFleet } from "@/lib/resources/demo-fleet";
import type { Db } from "@/db/client";
import { generateLogs } from "@/lib/telemetry/generate-logs";
import { generateRecentLogs } from "@/lib/telemetry/generate-recent-logs";
import { generateRecentMetrics } from "@/lib/telemetry/generate-metrics";
import { testDatabases, useDatabase } from "./helpers/databases";
import { seqScansOn, statementsOf } from "./helpers/explain-plan";
import { createInfrastructure, createTenant } from "./helpers/factory";

const now = new Date("2026-11-28T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe.each(testDatabases())("a telemetry tick on $kind", (target) => {
  const database = useDatabase(target);
  // Two tenants of one infrastructure, their lines written up to 10 and 30 minutes ago.
  const twoTenants = async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    const made = [];
    for (const upTo of [10, 30]) {
      const tenant = await createTenant(db, { infrastructureId: infra.id });
      await addDemoFleet(db, infra.id, tenant.name);
      await generateLogs(db, tenant, minutesAgo(upTo + 5), minutesAgo(upTo), { seed: upTo });
      made.push(tenant);
    }
    return { db, infra, tenants: made };
  };
  const linesIn = async (tenantId: string, after: Date, upTo: Date) => {
    const [row] = await database()
      .db.select({ n: count() })
      .from(logLines)
      .where(and(eq(logLines.tenantId, tenantId), gt(logLines.at, after), lte(logLines.at, upTo)));
    return row!.n;
  };

  it("brings each tenant's lines from its own newest one up to now, asking once for all tenants", async () => {
    const { infra, tenants } = await twoTenants();
    const statements = await statementsOf(database(), (db) =>
      generateRecentLogs(db, now, { infrastructureId: infra.id }),
    );
    // Four sources writing about three lines a minute each: 120 in 10 minutes, 360 in 30, give or take bursts.
    expect(await linesIn(tenants[0]!.id, minutesAgo(10), now)).toBeGreaterThan(60);
    expect(await linesIn(tenants[1]!.id, minutesAgo(30), now)).toBeGreaterThan(180);
    expect(await linesIn(tenants[0]!.id, now, minutesAgo(-60))).toBe(0);
    expect(statements.filter((s) => s.includes('from "local_cloud_resources"'))).toHaveLength(1);
    expect(statements.filter((s) => /^\s*insert into "log_lines"/i.test(s))).toHaveLength(1);
  });

  it("writes a backfill in slices of about the lines asked for, each its own transaction, up to now", async () => {
    const { db, infra, tenants } = await twoTenants();
    // Only these tenants' lines: other test files write lines to a shared PostgreSQL at the same time.
    const ids = tenants.map((t) => t.id);
    const linesBefore = async () =>
      (await db.select({ n: count() }).from(logLines).where(inArray(logLines.tenantId, ids)))[0]!.n;
    const perTransaction: number[] = [];
    const transaction = db.transaction.bind(db);
    db.transaction = (async (work: Parameters<typeof transaction>[0]) => {
      const before = await linesBefore();
      const result = await transaction(work);
      perTransaction.push((await linesBefore()) - before);
      return result;
    }) as typeof db.transaction;
    try {
      // Lines up to 10 and 30 minutes ago, then three hours later: about 2,300 and 2,500 lines to write.
      const later = new Date(now.getTime() + 180 * 60_000);
      // Seeded: a slice's budget counts the lines expected of its minutes, and the bursts an unseeded
      // run draws can now and then take a slice past twice it (602 of 300 in one CI run).
      const options = { infrastructureId: infra.id, linesPerTransaction: 300, seed: 7 };
      const { lines } = await generateRecentLogs(db, later, options);
      expect(lines).toBeGreaterThan(3_000);
      expect(perTransaction.length).toBeGreaterThanOrEqual(8);
      // Four sources at about three lines a minute: a slice may draw a burst beyond its budget, not twice it.
      expect(Math.max(...perTransaction)).toBeLessThan(600);
      expect(perTransaction.reduce((a, b) => a + b, 0)).toBe(lines);
      for (const tenant of tenants) {
        expect(await linesIn(tenant.id, now, later)).toBeGreaterThan(1_000);
        expect(await linesIn(tenant.id, new Date(later.getTime() - 5 * 60_000), later)).toBeGreaterThan(0);
      }
    } finally {
      db.transaction = transaction;
    }
  });

  it("brings each tenant's metrics up to now in one insert, from its own latest point", async () => {
    const { tenants } = await twoTenants();
    const ids = tenants.map((t) => t.id);
    const catchUp = (at: Date) => (db: Db) =>
      generateRecentMetrics(db, at, { lookbackMs: 20 * 60_000, tenantIds: ids });
    // Four sources: a web and an api service and a worker (six metrics each), a host (four): 22 points a minute.
    const statements = await statementsOf(database(), catchUp(minutesAgo(5)));
    expect(statements.filter((s) => /^\s*insert into "metric_points"/i.test(s))).toHaveLength(1);
    expect(await generateRecentMetrics(database().db, now, { lookbackMs: 20 * 60_000, tenantIds: ids })).toBe(
      2 * 5 * 22,
    );
  });
});

describe.each(testDatabases())("a telemetry tick among many tenants' telemetry on $kind", (target) => {
  const database = useDatabase(target);
  const tables = ["log_lines", "metric_points", "local_cloud_resources"];

  beforeAll(async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    const tenant = await createTenant(db, { infrastructureId: infra.id });
    await db.execute(sql`insert into log_lines (tenant_id, at, level, resource, message)
      select ${tenant.id}::uuid, now() - g * interval '1 second', 'info', 'web', 'line ' || g from generate_series(1, 50000) g`);
    await db.execute(sql`insert into metric_points (tenant_id, resource, metric, at, value)
      select ${tenant.id}::uuid, 'web', 'cpu', now() - g * interval '1 minute', 1 from generate_series(1, 50000) g`);
    await db.execute(sql`insert into local_cloud_resources (id, infrastructure_id, kind, name, tenant_tag, attributes)
      select 'plan-' || gen_random_uuid(), ${infra.id}::uuid, 'workload', 'w-' || g, 'other-' || (g % 500), '{}' from generate_series(1, 20000) g`);
    for (const table of tables) await db.execute(sql.raw(`analyze ${table}`));
  }, 120_000);

  it("reads each tenant's newest line and point, and the sources, by index", async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    const tenant = await createTenant(db, { infrastructureId: infra.id });
    await addDemoFleet(db, infra.id, tenant.name);
    expect(
      await seqScansOn(database(), tables, (db) => generateRecentLogs(db, now, { infrastructureId: infra.id })),
    ).toEqual([]);
    expect(
      await seqScansOn(database(), tables, (db) =>
        generateRecentMetrics(db, now, { lookbackMs: 60_000, tenantIds: [tenant.id] }),
      ),
    ).toEqual([]);
  });
});

describe.runIf(process.env.DATABASE_URL)("two workers writing log lines on PostgreSQL", () => {
  const [, postgres] = testDatabases();
  const database = useDatabase(postgres!);

  it("leaves a tenant to the worker that is writing its lines, and writes the others", async () => {
    const { db } = database();
    const infra = await createInfrastructure(db);
    const [busy, free] = [
      await createTenant(db, { infrastructureId: infra.id }),
      await createTenant(db, { infrastructureId: infra.id }),
    ];
    for (const tenant of [busy!, free!]) {
      await addDemoFleet(db, infra.id, tenant.name);
      await generateLogs(db, tenant, minutesAgo(15), minutesAgo(10), { seed: 1 });
    }
    const otherWorker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await otherWorker.connect();
    try {
      await otherWorker.query("begin");
      await otherWorker.query("select pg_advisory_xact_lock(hashtext($1))", [`log_lines:${busy!.id}`]);
      await generateRecentLogs(db, now, { infrastructureId: infra.id });
      const [busyCount, freeCount] = await Promise.all(
        [busy!, free!].map(
          async (t) =>
            (
              await db
                .select({ n: count() })
                .from(logLines)
                .where(and(eq(logLines.tenantId, t.id), gt(logLines.at, minutesAgo(10))))
            )[0]!.n,
        ),
      );
      expect(busyCount).toBe(0);
      expect(freeCount).toBeGreaterThan(0);
      await otherWorker.query("commit");
      await generateRecentLogs(db, now, { infrastructureId: infra.id });
      const [after] = await db
        .select({ n: count() })
        .from(logLines)
        .where(and(eq(logLines.tenantId, busy!.id), gt(logLines.at, minutesAgo(10))));
      expect(after!.n).toBeGreaterThan(0);
    } finally {
      await otherWorker.end();
    }
  });
});
