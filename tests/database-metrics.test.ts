import { eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { alerts, metricPoints } from "@/db/schema";
import { createAlertRuleInput } from "@/lib/alerts/alert-input";
import { evaluateAlertRules } from "@/lib/alerts/evaluate-rules";
import { createAlertRule } from "@/lib/alerts/manage-alerts";
import { loadActor } from "@/lib/context/actor";
import { metricsOf, panelsFor } from "@/app/(portal)/t/[tenant]/metrics/metric-panels";
import { createLocalDriver } from "@/lib/cloud/local";
import { sampleSource } from "@/lib/cloud/local/simulated-metrics";
import { generateMetrics } from "@/lib/telemetry/generate-metrics";
import { queryMetrics } from "@/lib/telemetry/metric-queries";
import { telemetrySources } from "@/lib/telemetry/sources";
import { metricLabel } from "@/lib/words/metric-labels";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser } from "./helpers/factory";

const t0 = new Date("2026-01-01T00:00:00Z");
const minuteOf = (at: Date) => at.getTime() / 60_000;
const database = { name: "orders", kind: "database" as const, storageGiB: 50, createdAt: t0 };
const valueOf = (values: [string, number][], metric: string) => values.find(([m]) => m === metric)?.[1];

describe("a simulated database's metrics", () => {
  it("reports CPU, connections and free storage only, in range, for every minute of a week", () => {
    for (let minute = minuteOf(t0); minute < minuteOf(t0) + 7 * 1440; minute += 7) {
      const values = sampleSource(3, database, minute);
      expect(values.map(([metric]) => metric)).toEqual(["cpu", "connections", "free_storage"]);
      expect(valueOf(values, "cpu")).toBeGreaterThan(0);
      expect(valueOf(values, "cpu")).toBeLessThanOrEqual(100);
      expect(Number.isInteger(valueOf(values, "connections"))).toBe(true);
      expect(valueOf(values, "connections")).toBeGreaterThanOrEqual(0);
      expect(valueOf(values, "free_storage")).toBeGreaterThan(0);
      expect(valueOf(values, "free_storage")).toBeLessThanOrEqual(50);
    }
  });

  it("has more connections in the afternoon than at night, and less free storage as the weeks go by", () => {
    const meanAt = (hour: number) => {
      const days = Array.from({ length: 20 }, (_, day) => minuteOf(t0) + day * 1440 + hour * 60);
      return days.reduce((sum, minute) => sum + valueOf(sampleSource(3, database, minute), "connections")!, 0) / 20;
    };
    expect(meanAt(14)).toBeGreaterThan(meanAt(2) * 1.5);
    const freeAfter = (weeks: number) =>
      valueOf(sampleSource(3, database, minuteOf(t0) + weeks * 7 * 1440 + 600), "free_storage")!;
    expect(freeAfter(0)).toBeGreaterThan(freeAfter(10));
    expect(freeAfter(10)).toBeGreaterThan(freeAfter(40));
    expect(freeAfter(500)).toBe(0);
  });

  it("leaves hosts and workloads as they were", () => {
    const kinds = (kind: "host" | "workload") => sampleSource(3, { name: "x", kind }, minuteOf(t0)).map(([m]) => m);
    expect(kinds("host")).toEqual(["cpu", "memory", "network_in", "network_out"]);
    expect(kinds("workload")).toEqual(["cpu", "memory", "network_in", "network_out", "requests", "errors"]);
  });
});

describe("the charts of a database", () => {
  it("are CPU, connections and free storage, on its detail page and, with a database, the tenant's", () => {
    expect(metricsOf(panelsFor("database"))).toEqual(["cpu", "connections", "free_storage"]);
    expect(panelsFor("database").map((p) => p.title)).toEqual(["CPU", "Connections", "Free storage"]);
    expect(metricsOf(panelsFor("host"))).toEqual(["cpu", "memory", "network_in", "network_out"]);
    expect(metricsOf(panelsFor("workload"))).toEqual([
      "cpu",
      "memory",
      "network_in",
      "network_out",
      "requests",
      "errors",
    ]);
    expect(metricsOf(panelsFor("tenant"))).toEqual(metricsOf(panelsFor("workload")));
    expect(metricsOf(panelsFor("tenant", true))).toEqual([
      ...metricsOf(panelsFor("workload")),
      "connections",
      "free_storage",
    ]);
    expect([metricLabel("connections"), metricLabel("free_storage")]).toEqual(["Connections", "Free storage"]);
  });
});

describe.each(testDatabases())("a local database's metrics on $kind", (target) => {
  const db = useDatabase(target);
  const tenantIds: string[] = [];
  afterAll(async () => {
    if (tenantIds.length) await db().db.delete(metricPoints).where(inArray(metricPoints.tenantId, tenantIds));
  });

  it("are generated from its storage and read back per database", async () => {
    const tenant = await createTenant(db().db);
    tenantIds.push(tenant.id);
    await createLocalDriver(db().db, tenant.infrastructureId).ensure({
      kind: "database",
      name: `enclave-${tenant.name}-orders`,
      tenant: tenant.name,
      idempotencyKey: `metrics-${tenant.name}-orders`,
      attributes: { engine: "postgres", engineVersion: "16.4", instanceClass: "db.t4g.micro", storageGiB: 30 },
    });
    const sources = await telemetrySources(db().db, tenant);
    expect(sources).toEqual([
      expect.objectContaining({ name: `enclave-${tenant.name}-orders`, kind: "database", storageGiB: 30 }),
    ]);
    const to = new Date(t0.getTime() + 60 * 60_000);
    expect(await generateMetrics(db().db, tenant, t0, to, { seed: 5 })).toBe(60 * 3);
    const ask = (metric: "connections" | "free_storage" | "memory") =>
      queryMetrics(db().db, tenant.id, { metric, resource: sources[0]!.name, from: t0, to, points: 12 });
    const free = await ask("free_storage");
    expect(free.unit).toBe("GiB");
    expect(free.series[0]!.points).toHaveLength(12);
    expect(free.series[0]!.points.every(([, value]) => value > 0 && value <= 30)).toBe(true);
    const connections = await ask("connections");
    expect(connections.series[0]!.points.every(([, value]) => value >= 0)).toBe(true);
    expect((await ask("memory")).series[0]!.points).toEqual([]);
  });

  it("open an alert from a rule on a database's free storage", async () => {
    const { db: conn } = db();
    const tenant = await createTenant(conn);
    tenantIds.push(tenant.id);
    const at = (m: number) => new Date(t0.getTime() + m * 60_000);
    await conn.insert(metricPoints).values(
      Array.from({ length: 10 }, (_, m) => ({
        tenantId: tenant.id,
        resource: "orders",
        metric: "free_storage",
        at: at(m),
        value: m < 5 ? 12 : 3,
      })),
    );
    const input = createAlertRuleInput.parse({
      tenant: tenant.name,
      name: "Disk filling",
      metric: "free_storage",
      resource: "orders",
      condition: "below",
      threshold: "5",
      windowMinutes: "3",
      severity: "warning",
    });
    const actor = await loadActor(conn, await createUser(conn));
    await createAlertRule({ db: conn, actor, ip: null, tenant }, input);
    await evaluateAlertRules(conn, at(4));
    expect(await conn.select().from(alerts).where(eq(alerts.tenantId, tenant.id))).toEqual([]);
    await evaluateAlertRules(conn, at(9));
    const [alert] = await conn.select().from(alerts).where(eq(alerts.tenantId, tenant.id));
    expect(alert).toMatchObject({
      state: "open",
      resource: "orders",
      title: "Disk filling: Free storage below 5 over 3 min",
    });
    expect(createAlertRuleInput.safeParse({ ...input, metric: "disk" }).error?.issues[0]?.message).toBe(
      "Choose a metric: cpu, memory, network_in, network_out, requests, errors, connections, free_storage.",
    );
  });
});
