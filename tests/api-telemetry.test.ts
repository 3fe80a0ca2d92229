import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Tenant } from "@/db/schema";
import { addDemoFleet } from "@/lib/resources/demo-fleet";
import { generateLogs } from "@/lib/telemetry/generate-logs";
import { generateMetrics } from "@/lib/telemetry/generate-metrics";
import { apiToken, callApi } from "./helpers/api-requests";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant } from "./helpers/factory";

const app = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
const logs = await import("@/app/api/v1/tenants/[tenant]/logs/route");
const metrics = await import("@/app/api/v1/tenants/[tenant]/metrics/route");

const from = "2026-11-28T10:00:00.000Z";
const to = "2026-11-28T10:30:00.000Z";
type Line = { id: number; at: string; level: string; resource: string; message: string };

describe.each(testDatabases())("the logs and metrics API on $kind", (target) => {
  const database = useDatabase(target);
  let tenant: Tenant;
  let generated: number;
  const token = { reader: "", stranger: "" };

  const searchLogs = (query: string, as = token.reader) =>
    callApi(logs.GET, as, `/tenants/${tenant.name}/logs?${query}`, { tenant: tenant.name });
  const readMetrics = (query: string, as = token.reader) =>
    callApi(metrics.GET, as, `/tenants/${tenant.name}/metrics?${query}`, { tenant: tenant.name });

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    tenant = await createTenant(db);
    const other = await createTenant(db);
    await addDemoFleet(db, tenant.infrastructureId, tenant.name);
    generated = await generateLogs(db, tenant, new Date(from), new Date(to), { seed: 3, perSourcePerMinute: 1 });
    await generateMetrics(db, tenant, new Date(from), new Date(to), { seed: 3 });
    token.reader = await apiToken(db, { grants: { [tenant.id]: "read" }, scope: "read" });
    token.stranger = await apiToken(db, { grants: { [other.id]: "write" } });
  });

  it("pages through every line of the window once, newest first, and filters by level and text", async () => {
    const seen: Line[] = [];
    let cursor: string | null = null;
    do {
      const page = await searchLogs(`from=${from}&to=${to}&limit=25${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as Line[]));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(generated).toBeGreaterThan(50);
    expect(seen).toHaveLength(generated);
    expect(new Set(seen.map((l) => l.id)).size).toBe(generated);
    expect(seen.map((l) => l.at)).toEqual(
      seen
        .map((l) => l.at)
        .sort()
        .reverse(),
    );

    const filtered = await searchLogs(`from=${from}&to=${to}&level=info&resource=api`);
    const expected = seen.filter((l) => l.level === "info" && l.resource === "api");
    expect(expected.length).toBeGreaterThan(0);
    expect((filtered.body.items as Line[]).map((l) => l.id)).toEqual(expected.map((l) => l.id));
    const word = seen[0]!.message.split(" ")[0]!;
    const matching = (await searchLogs(`from=${from}&to=${to}&q=${encodeURIComponent(word)}&limit=500`)).body
      .items as Line[];
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBe(seen.filter((l) => l.message.toLowerCase().includes(word.toLowerCase())).length);
  });

  it("answers a metric as a series of points for the tenant and for one resource", async () => {
    const whole = await readMetrics(`metric=cpu&from=${from}&to=${to}&points=10`);
    expect(whole).toMatchObject({ status: 200, body: { metric: "cpu", unit: "%", series: [{ resource: null }] } });
    const points = (whole.body.series as { points: { at: string; value: number }[] }[])[0]!.points;
    expect(points.length).toBeGreaterThan(5);
    expect(points.every((p) => p.at >= from && p.at < to && Number.isFinite(p.value))).toBe(true);
    const web = await readMetrics(`metric=requests&resource=web&from=${from}&to=${to}`);
    expect(web.body).toMatchObject({ unit: "req/min", series: [{ resource: "web" }] });
    const none = await readMetrics(`metric=requests&resource=no-such&from=${from}&to=${to}`);
    expect(none.body).toMatchObject({ series: [{ resource: "no-such", points: [] }] });
  });

  it("refuses a tenant the token may not see 404, and a bad query 400 naming the field", async () => {
    for (const answer of [await searchLogs("", token.stranger), await readMetrics("", token.stranger)])
      expect(answer).toMatchObject({ status: 404, body: { error: { code: "not_found", message: "Not found." } } });
    const refusals: [Promise<unknown>, string][] = [
      [searchLogs("level=fatal"), "query.level"],
      [searchLogs(`from=${to}&to=${from}`), "query.from"],
      [searchLogs("limit=1000"), "query.limit"],
      [searchLogs("cursor=not-a-cursor"), "query.cursor"],
      [readMetrics("metric=temperature"), "query.metric"],
      [readMetrics(`range=1h&from=${from}&to=${to}`), "query"],
    ];
    for (const [answer, field] of refusals)
      expect(await answer).toMatchObject({ status: 400, body: { error: { code: "invalid", field } } });
  });
});
