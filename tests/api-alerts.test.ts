import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { alerts, auditEvents, type Tenant } from "@/db/schema";
import { apiToken, callApi } from "./helpers/api-requests";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant } from "./helpers/factory";

const app = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
const collection = await import("@/app/api/v1/tenants/[tenant]/alerts/route");
const acknowledge = await import("@/app/api/v1/tenants/[tenant]/alerts/[alert]/acknowledge/route");
const resolve = await import("@/app/api/v1/tenants/[tenant]/alerts/[alert]/resolve/route");

const t0 = Date.parse("2026-11-28T10:00:00Z");
type Item = { id: string; title: string; state: string };

describe.each(testDatabases())("the alerts API on $kind", (target) => {
  const database = useDatabase(target);
  let tenant: Tenant;
  let other: Tenant;
  const token = { writer: "", reader: "", readScoped: "", stranger: "" };

  const openAlerts = (tenantId: string, titles: string[], minute: (i: number) => number) =>
    database()
      .db.insert(alerts)
      .values(
        titles.map((title, i) => ({
          tenantId,
          source: "rule" as const,
          key: `test:${title}`,
          title,
          severity: i % 3 === 0 ? ("critical" as const) : ("warning" as const),
          openedAt: new Date(t0 + minute(i) * 60_000),
        })),
      )
      .returning();
  const list = (query: string, as = token.reader) =>
    callApi(collection.GET, as, `/tenants/${tenant.name}/alerts?${query}`, { tenant: tenant.name });
  const change = (handler: typeof acknowledge.POST, alert: string, as = token.writer) =>
    callApi(
      handler,
      as,
      `/tenants/${tenant.name}/alerts/${alert}/x`,
      { tenant: tenant.name, alert },
      { method: "POST" },
    );
  const everyPage = async (query: string, between?: () => Promise<unknown>) => {
    const seen: Item[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`${query}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as Item[]));
      cursor = page.body.nextCursor as string | null;
      await between?.();
    } while (cursor);
    return seen.map((a) => a.title);
  };

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    [tenant, other] = [await createTenant(db), await createTenant(db)];
    // Two alerts share each minute: the id breaks the tie, so a page boundary between them neither skips nor repeats.
    await openAlerts(
      tenant.id,
      Array.from({ length: 12 }, (_, i) => `a${String(i).padStart(2, "0")}`),
      (i) => i >> 1,
    );
    token.writer = await apiToken(db, { grants: { [tenant.id]: "write" } });
    token.reader = await apiToken(db, { grants: { [tenant.id]: "read" } });
    token.readScoped = await apiToken(db, { grants: { [tenant.id]: "write" }, scope: "read" });
    token.stranger = await apiToken(db, { grants: { [other.id]: "write" } });
  });

  it("pages through the tenant's alerts newest first, each once, even as new ones open, and filters them", async () => {
    const all = await everyPage("limit=5");
    expect(all).toHaveLength(12);
    expect(new Set(all).size).toBe(12);
    expect(all.slice(0, 2).sort()).toEqual(["a10", "a11"]);
    const critical = await everyPage("severity=critical");
    expect(critical.sort()).toEqual(["a00", "a03", "a06", "a09"]);
    let added = 0;
    const whileOpening = await everyPage("limit=5", () => openAlerts(tenant.id, [`new${added++}`], () => 60));
    expect(whileOpening).toEqual(all);
    expect(added).toBe(3);
  });

  it("acknowledges and resolves, saying by whom and when, 409 for a change made already, 404 for another tenant's", async () => {
    const [mine] = await openAlerts(tenant.id, ["disk"], () => -10);
    const [theirs] = await openAlerts(other.id, ["theirs"], () => -10);
    const acknowledged = await change(acknowledge.POST, mine!.id);
    expect(acknowledged).toMatchObject({
      status: 200,
      body: { alert: { id: mine!.id, state: "acknowledged", acknowledgedBy: "Test User", resolvedAt: null } },
    });
    expect(await change(acknowledge.POST, mine!.id)).toMatchObject({
      status: 409,
      body: { error: { code: "conflict" } },
    });
    expect(await change(resolve.POST, mine!.id)).toMatchObject({
      status: 200,
      body: { alert: { state: "resolved", resolvedBy: "Test User", resolvedAt: expect.any(String) } },
    });
    expect(await change(resolve.POST, mine!.id)).toMatchObject({
      status: 409,
      body: { error: { message: "This alert is resolved already; it may have been changed in another tab." } },
    });
    expect(await change(resolve.POST, theirs!.id)).toMatchObject({
      status: 404,
      body: { error: { code: "not_found", message: `No alert ${theirs!.id} in ${tenant.name}.` } },
    });
    expect((await change(resolve.POST, "not-an-id")).status).toBe(404);
    const events = await database()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.id), eq(auditEvents.target, "disk")))
      .orderBy(auditEvents.id);
    expect(events.map((e) => [e.action, e.tokenId !== null])).toEqual([
      ["alert.acknowledged", true],
      ["alert.resolved", true],
    ]);
    expect((await list("state=resolved")).body.items).toEqual([expect.objectContaining({ title: "disk" })]);
  });

  it("refuses a foreign tenant 404, a read grant or read-scoped token 403, and a bad filter 400", async () => {
    const [alert] = await openAlerts(tenant.id, ["cpu"], () => -20);
    expect(await list("", token.stranger)).toMatchObject({ status: 404, body: { error: { message: "Not found." } } });
    expect((await change(acknowledge.POST, alert!.id, token.stranger)).status).toBe(404);
    expect(await change(acknowledge.POST, alert!.id, token.reader)).toMatchObject({
      status: 403,
      body: { error: { code: "forbidden" } },
    });
    expect(await change(resolve.POST, alert!.id, token.readScoped)).toMatchObject({
      status: 403,
      body: { error: { code: "insufficient_scope" } },
    });
    expect((await list("state=closed")).body.error).toMatchObject({ code: "invalid", field: "query.state" });
    expect((await list("cursor=abc")).body.error).toMatchObject({ field: "query.cursor" });
    const [unchanged] = await database().db.select().from(alerts).where(eq(alerts.id, alert!.id));
    expect(unchanged!.state).toBe("open");
  });
});
