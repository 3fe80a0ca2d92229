import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { metricPoints } from "@/db/schema";
import { generateMetrics, generateRecentMetrics } from "@/lib/telemetry/generate-metrics";
import { parseMetricsQuery } from "@/lib/telemetry/metric-input";
import { bucketsFor, queryMetrics } from "@/lib/telemetry/metric-queries";
import { testDatabases, useDatabase } from "./helpers/databases";
import { addDemoFleet } from "@/lib/resources/demo-fleet";
import { createTenant } from "./helpers/factory";

const now = new Date("2026-03-01T12:00:30Z");
const t0 = new Date("2026-01-01T00:00:00Z");
const minutes = (n: number) => n * 60_000;

describe("metrics request validation", () => {
  it.each([
    [
      { metric: "disk" },
      "Choose a metric: cpu, memory, network_in, network_out, requests, errors, connections, free_storage.",
    ],
    [{ metric: "cpu", range: "2d" }, "Choose a range: 1h, 6h, 24h or 7d, or give from and to."],
    [
      { metric: "cpu", range: "1h", from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" },
      "Give either a range or from and to, not both.",
    ],
    [{ metric: "cpu", from: "2026-01-01T00:00:00Z" }, "Give both from and to for a custom range."],
    [
      { metric: "cpu", from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" },
      "The range must start before it ends.",
    ],
    [
      { metric: "cpu", from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:01Z" },
      "A custom range may span at most 31 days.",
    ],
    [
      { metric: "cpu", from: "yesterday", to: "2026-01-01T00:00:00Z" },
      "Give from as an ISO date-time, such as 2026-01-31T09:00:00Z.",
    ],
    [{ metric: "cpu", points: "301" }, "Ask for at most 300 points."],
  ])("refuses %o", (params, message) => {
    expect(parseMetricsQuery(params, now)).toEqual({ ok: false, error: message });
  });

  it("reads a named range back from now, and a custom one as given", () => {
    expect(parseMetricsQuery({}, now)).toEqual({
      ok: true,
      query: { metric: "cpu", resource: undefined, from: new Date(now.getTime() - 86_400_000), to: now, points: 300 },
    });
    expect(parseMetricsQuery({ metric: "cpu", range: "6h" }, now)).toEqual({
      ok: true,
      query: {
        metric: "cpu",
        resource: undefined,
        from: new Date(now.getTime() - 6 * 3_600_000),
        to: now,
        points: 300,
      },
    });
    const custom = parseMetricsQuery(
      {
        metric: "errors",
        resource: "web",
        from: "2026-01-01T00:00:00Z",
        to: "2026-01-31T00:00:00+01:00",
        points: "50",
      },
      now,
    );
    expect(custom).toEqual({
      ok: true,
      query: { metric: "errors", resource: "web", from: t0, to: new Date("2026-01-30T23:00:00Z"), points: 50 },
    });
  });

  it("never makes more buckets than points, in whole minutes", () => {
    for (const [span, points] of [
      [3_600_000, 300],
      [604_800_000, 300],
      [31 * 86_400_000, 300],
      [86_400_000, 7],
      [minutes(5), 300],
    ] as const) {
      const { bucketSeconds, startSeconds } = bucketsFor(new Date(now.getTime() - span), now, points);
      expect(bucketSeconds % 60).toBe(0);
      expect(Math.ceil((now.getTime() / 1000 - startSeconds) / bucketSeconds)).toBeLessThanOrEqual(points);
    }
  });
});

describe.each(testDatabases())("metrics on $kind", (target) => {
  const database = useDatabase(target);
  const tenantIds: string[] = [];
  const tenant = async () => {
    const made = await createTenant(database().db);
    await addDemoFleet(database().db, made.infrastructureId, made.name);
    tenantIds.push(made.id);
    return made;
  };
  // metric_points has no foreign key to tenants: remove our points ourselves in a shared database.
  afterAll(async () => {
    if (tenantIds.length) await database().db.delete(metricPoints).where(inArray(metricPoints.tenantId, tenantIds));
  });
  const pointsOf = (tenantId: string) =>
    database()
      .db.select()
      .from(metricPoints)
      .where(eq(metricPoints.tenantId, tenantId))
      .orderBy(asc(metricPoints.metric), asc(metricPoints.resource), asc(metricPoints.at));

  it("generates one point per minute per source and metric, in its own tenant, the same for the same seed, and again safely", async () => {
    const { db } = database();
    const [a, b] = [await tenant(), await tenant()];
    expect(await generateMetrics(db, a, t0, new Date(t0.getTime() + minutes(30)), { seed: 7 })).toBe(30 * (3 * 6 + 4));
    await generateMetrics(db, b, t0, new Date(t0.getTime() + minutes(30)), { seed: 7 });
    await generateMetrics(db, a, new Date(t0.getTime() + minutes(10)), new Date(t0.getTime() + minutes(20)), {
      seed: 8,
    });
    const [pa, pb] = [await pointsOf(a.id), await pointsOf(b.id)];
    expect(pa).toHaveLength(660);
    expect(pa.every((p) => p.tenantId === a.id)).toBe(true);
    expect(pa.map((p) => [p.resource, p.metric, p.at, p.value])).toEqual(
      pb.map((p) => [p.resource, p.metric, p.at, p.value]),
    );
    expect(new Set(pa.filter((p) => p.resource === "db-host").map((p) => p.metric))).toEqual(
      new Set(["cpu", "memory", "network_in", "network_out"]),
    );
    expect(pa.filter((p) => p.metric === "cpu").every((p) => p.value > 0 && p.value <= 100)).toBe(true);
  });

  it("catches ready local tenants up from their latest point", async () => {
    const { db } = database();
    const a = await tenant();
    const catchUp = (at: Date) => generateRecentMetrics(db, at, { lookbackMs: minutes(30), tenantIds: [a.id] });
    expect(await catchUp(now)).toBe(30 * 22);
    expect(await catchUp(new Date(now.getTime() + minutes(5)))).toBe(5 * 22);
    expect(await pointsOf(a.id)).toHaveLength(35 * 22);
  });
  it("downsamples a known series per resource and for the tenant, and never reads another tenant's points", async () => {
    const { db } = database();
    const [a, b] = [await tenant(), await tenant()];
    const rows = (tenantId: string, resource: string, value: (i: number) => number) =>
      ["cpu", "requests", "errors"].flatMap((metric) =>
        Array.from({ length: 120 }, (_, i) => ({
          tenantId,
          resource,
          metric,
          at: new Date(t0.getTime() + minutes(i)),
          value: value(i),
        })),
      );
    await db
      .insert(metricPoints)
      .values([...rows(a.id, "r1", (i) => i), ...rows(a.id, "r2", () => 100), ...rows(b.id, "r1", () => 10_000)]);
    const askOf =
      (tenantId: string) =>
      (metric: "cpu" | "requests" | "errors", resource?: string, points = 12) =>
        queryMetrics(db, tenantId, { metric, resource, from: t0, to: new Date(t0.getTime() + minutes(120)), points });
    const ask = askOf(a.id);
    const at = (k: number) => new Date(t0.getTime() + minutes(10 * k)).toISOString();
    const expected = (value: (k: number) => number) =>
      Array.from({ length: 12 }, (_, k): [string, number] => [at(k), value(k)]);

    expect(await ask("cpu", "r1")).toEqual({
      metric: "cpu",
      unit: "%",
      bucketSeconds: 600,
      series: [{ resource: "r1", points: expected((k) => 10 * k + 4.5) }],
    });
    expect((await ask("cpu")).series).toEqual([{ resource: null, points: expected((k) => (10 * k + 4.5 + 100) / 2) }]);
    expect((await ask("requests")).series[0]!.points).toEqual(expected((k) => 10 * k + 4.5 + 100));
    expect((await ask("errors")).series[0]!.points).toEqual(expected((k) => 10 * k + 9 + 100));
    expect((await ask("errors", "r1")).series[0]!.points).toEqual(expected((k) => 10 * k + 9));
    expect((await askOf(b.id)("cpu", "r1")).series[0]!.points).toEqual(expected(() => 10_000));
    const coarse = await ask("cpu", undefined, 7);
    expect(coarse.bucketSeconds).toBe(1080);
    expect(coarse.series[0]!.points.length).toBeLessThanOrEqual(7);
    expect((await ask("cpu", "r3")).series[0]!.points).toEqual([]);
    expect(
      await db
        .select()
        .from(metricPoints)
        .where(and(eq(metricPoints.tenantId, a.id), ne(metricPoints.resource, "r1"), ne(metricPoints.resource, "r2"))),
    ).toEqual([]);
  });

  it("keeps generated series within the asked number of points", async () => {
    const { db } = database();
    const a = await tenant();
    const to = new Date(t0.getTime() + minutes(360));
    await generateMetrics(db, a, t0, to);
    for (const resource of [undefined, "web", "db-host"]) {
      const result = await queryMetrics(db, a.id, { metric: "cpu", resource, from: t0, to, points: 50 });
      expect(result.series[0]!.points.length).toBeGreaterThan(40);
      expect(result.series[0]!.points.length).toBeLessThanOrEqual(50);
    }
    expect(
      (await queryMetrics(db, a.id, { metric: "requests", resource: "db-host", from: t0, to, points: 50 })).series[0]!
        .points,
    ).toEqual([]);
  });
});
