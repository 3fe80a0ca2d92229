import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { logLines } from "@/db/schema";
import { generateLogs } from "@/lib/telemetry/generate-logs";
import { generateRecentLogs } from "@/lib/telemetry/generate-recent-logs";
import type { CloudLogQuery as LogSearch } from "@/lib/cloud/contract";
import { searchLogs, tailLogs } from "@/lib/cloud/local/log-store";
import { testDatabases, useDatabase } from "./helpers/databases";
import { addDemoFleet } from "@/lib/resources/demo-fleet";
import { createTenant } from "./helpers/factory";

const to = new Date("2026-11-28T12:00:00Z");
const from = new Date(to.getTime() - 3 * 3_600_000);
const window = { from, to, limit: 500 };

describe.each(testDatabases())("log queries on $kind", (target) => {
  const database = useDatabase(target);
  const tenantWithLogs = async (seed: number) => {
    const { db } = database();
    const tenant = await createTenant(db);
    await addDemoFleet(db, tenant.infrastructureId, tenant.name);
    const count = await generateLogs(db, tenant, from, to, { seed, perSourcePerMinute: 2 });
    return { db, tenant, count, cleanup: () => db.delete(logLines).where(eq(logLines.tenantId, tenant.id)) };
  };
  const everyPage = async (search: (cursor?: string) => ReturnType<typeof searchLogs>) => {
    const seen = [];
    let cursor: string | undefined;
    do {
      const page = await search(cursor);
      seen.push(...page.lines);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  };

  it("generates lines in the tenant's window for each source, and the same lines for the same seed", async () => {
    const { db, tenant, count, cleanup } = await tenantWithLogs(7);
    const rows = await db.select().from(logLines).where(eq(logLines.tenantId, tenant.id));
    expect(rows.length).toBe(count);
    expect(count).toBeGreaterThan(4 * 2 * 180 * 0.6);
    expect(new Set(rows.map((r) => r.resource))).toEqual(new Set(["web", "api", "worker", "db-host"]));
    expect(rows.every((r) => r.at > from && r.at <= to)).toBe(true);
    expect(rows.filter((r) => r.level === "info").length / count).toBeGreaterThan(0.6);
    expect(rows.some((r) => r.level === "error") && rows.some((r) => r.level === "warn")).toBe(true);
    const again = await createTenant(db);
    await addDemoFleet(db, again.infrastructureId, again.name);
    await generateLogs(db, again, from, to, { seed: 7, perSourcePerMinute: 2 });
    const twin = await db.select().from(logLines).where(eq(logLines.tenantId, again.id)).orderBy(logLines.id);
    expect(twin.map((r) => r.message)).toEqual([...rows].sort((a, b) => a.id - b.id).map((r) => r.message));
    await db.delete(logLines).where(eq(logLines.tenantId, again.id));
    await cleanup();
  });

  it("pages through every line exactly once, newest first, and never returns another tenant's", async () => {
    const mine = await tenantWithLogs(1);
    const other = await tenantWithLogs(1);
    const lines = await everyPage((cursor) => searchLogs(mine.db, mine.tenant.id, { ...window, limit: 37, cursor }));
    expect(lines.length).toBe(mine.count);
    expect(new Set(lines.map((l) => l.id)).size).toBe(mine.count);
    const order = lines.map((l) => `${l.at}|${String(l.id).padStart(12, "0")}`);
    expect(order).toEqual([...order].sort().reverse());
    const otherIds = new Set(
      (await mine.db.select({ id: logLines.id }).from(logLines).where(eq(logLines.tenantId, other.tenant.id))).map(
        (r) => r.id,
      ),
    );
    expect(lines.some((l) => otherIds.has(l.id))).toBe(false);
    await Promise.all([mine.cleanup(), other.cleanup()]);
  });

  it("filters by text (case-insensitive), level, resource and time", async () => {
    const { db, tenant, cleanup } = await tenantWithLogs(3);
    const search = (s: Partial<LogSearch>) => searchLogs(db, tenant.id, { ...window, ...s }).then((r) => r.lines);
    const slow = await search({ text: "SLOW QUERY" });
    expect(slow.length).toBeGreaterThan(0);
    expect(slow.every((l) => l.message.startsWith("slow query") && l.resource === "db-host")).toBe(true);
    expect((await search({ level: "error" })).every((l) => l.level === "error")).toBe(true);
    const workerWarnings = await search({ level: "warn", resource: "worker" });
    expect(workerWarnings.length).toBeGreaterThan(0);
    expect(workerWarnings.every((l) => l.level === "warn" && l.resource === "worker")).toBe(true);
    const lastHour = await search({ from: new Date(to.getTime() - 3_600_000) });
    expect(lastHour.length).toBeGreaterThan(0);
    expect(lastHour.every((l) => Date.parse(l.at) >= to.getTime() - 3_600_000)).toBe(true);
    await cleanup();
  });

  it("treats % and _ in the search text as literal characters", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    await addDemoFleet(db, tenant.infrastructureId, tenant.name);
    const at = new Date(to.getTime() - 60_000);
    const line = (message: string) => ({ tenantId: tenant.id, at, level: "info", resource: "web", message });
    await db
      .insert(logLines)
      .values([line("disk at 95% full"), line("disk at 95 full"), line("user_id=7"), line("userXid=7")]);
    const texts = async (text: string) =>
      (await searchLogs(db, tenant.id, { ...window, text })).lines.map((l) => l.message);
    expect(await texts("%")).toEqual(["disk at 95% full"]);
    expect(await texts("user_id")).toEqual(["user_id=7"]);
    await db.delete(logLines).where(eq(logLines.tenantId, tenant.id));
  });

  it("tails only lines newer than the last one sent, with the filters, for ready local tenants", async () => {
    const { db, tenant, cleanup } = await tenantWithLogs(5);
    const [newest] = (await searchLogs(db, tenant.id, { ...window, limit: 1 })).lines;
    expect(await tailLogs(db, tenant.id, newest!.id, {})).toEqual([]);
    const later = new Date(to.getTime() + 10 * 60_000);
    await generateLogs(db, tenant, to, later, { seed: 9 });
    const tail = await tailLogs(db, tenant.id, newest!.id, {});
    expect(tail.length).toBeGreaterThan(0);
    expect(tail.every((l) => l.id > newest!.id && Date.parse(l.at) > to.getTime())).toBe(true);
    expect((await tailLogs(db, tenant.id, newest!.id, { resource: "api" })).every((l) => l.resource === "api")).toBe(
      true,
    );
    const before = await db.$count(logLines, eq(logLines.tenantId, tenant.id));
    // Scoped to this tenant's infrastructure: the PostgreSQL database holds other runs' tenants.
    await generateRecentLogs(db, new Date(later.getTime() + 5 * 60_000), { infrastructureId: tenant.infrastructureId });
    const [last] = (await searchLogs(db, tenant.id, { from, to: new Date(later.getTime() + 5 * 60_000), limit: 1 }))
      .lines;
    expect(await db.$count(logLines, eq(logLines.tenantId, tenant.id))).toBeGreaterThan(before);
    expect(Date.parse(last!.at)).toBeGreaterThan(later.getTime());
    await cleanup();
  });
});
