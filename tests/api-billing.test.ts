import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { alerts, auditEvents, type Tenant } from "@/db/schema";
import { apiToken, callApi } from "./helpers/api-requests";
import { insertCosts } from "./helpers/costs";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant } from "./helpers/factory";

const app = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
const costs = await import("@/app/api/v1/tenants/[tenant]/costs/route");
const budget = await import("@/app/api/v1/tenants/[tenant]/budget/route");

// The first of this month is always a day that has been: the costs of "this month so far".
const month = new Date().toISOString().slice(0, 7);

describe.each(testDatabases())("the costs and budget API on $kind", (target) => {
  const database = useDatabase(target);
  let tenant: Tenant;
  const token = { writer: "", reader: "", readScoped: "", stranger: "" };

  const readCosts = (query = "", as = token.reader) =>
    callApi(costs.GET, as, `/tenants/${tenant.name}/costs${query}`, { tenant: tenant.name });
  const callBudget = (method: "GET" | "PUT" | "DELETE", as: string, body?: unknown) =>
    callApi(budget[method], as, `/tenants/${tenant.name}/budget`, { tenant: tenant.name }, { method, body });

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    tenant = await createTenant(db);
    const other = await createTenant(db);
    const day = `${month}-01`;
    await insertCosts(db, [
      { tenantId: tenant.id, day, service: "Amazon EC2", amount: 40.004 },
      { tenantId: tenant.id, day, service: "Amazon S3", amount: 5.5 },
      { tenantId: tenant.id, day, service: "Amazon RDS", amount: 44.5 },
      { tenantId: other.id, day, service: "Amazon EC2", amount: 1000 },
    ]);
    token.writer = await apiToken(db, { grants: { [tenant.id]: "write" } });
    token.reader = await apiToken(db, { grants: { [tenant.id]: "read" } });
    token.readScoped = await apiToken(db, { grants: { [tenant.id]: "write" }, scope: "read" });
    token.stranger = await apiToken(db, { grants: { [other.id]: "write" } });
  });

  it("answers this month's cost by service, most expensive first, and refuses a month it cannot answer", async () => {
    const expected = {
      month,
      currency: "USD",
      total: 90,
      services: [
        { service: "Amazon RDS", amount: 44.5 },
        { service: "Amazon EC2", amount: 40 },
        { service: "Amazon S3", amount: 5.5 },
      ],
    };
    expect(await readCosts()).toMatchObject({ status: 200, body: expected });
    expect((await readCosts(`?month=${month}`)).body).toEqual(expected);
    for (const bad of ["2026-13", "last", "2020-01", "2999-01"])
      expect(await readCosts(`?month=${bad}`)).toMatchObject({
        status: 400,
        body: { error: { code: "invalid", field: "query.month" } },
      });
    expect(await readCosts("", token.stranger)).toMatchObject({
      status: 404,
      body: { error: { message: "Not found." } },
    });
  });

  it("sets a budget as the billing page does (warning at once of a crossed threshold), reads it with spend, and removes it", async () => {
    expect(await callBudget("GET", token.reader)).toMatchObject({ status: 200, body: { budget: null } });
    const set = await callBudget("PUT", token.writer, { monthlyAmount: 100, thresholds: [90, 50] });
    expect(set).toMatchObject({
      status: 200,
      body: { budget: { monthlyAmount: 100, currency: "USD", thresholds: [50, 90], month, monthToDate: 90 } },
    });
    expect((await callBudget("GET", token.reader)).body).toEqual(set.body);
    const warned = await database()
      .db.select({ title: alerts.title })
      .from(alerts)
      .where(and(eq(alerts.tenantId, tenant.id), eq(alerts.source, "budget")));
    expect(warned.map((a) => a.title)).toContain("50% of the monthly budget spent: $90.00 of $100.00");

    expect(await callBudget("DELETE", token.writer)).toMatchObject({ status: 200, body: { budget: null } });
    expect((await callBudget("GET", token.reader)).body).toEqual({ budget: null });
    expect((await callBudget("DELETE", token.writer)).status).toBe(200);
    const events = await database()
      .db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.id), eq(auditEvents.target, tenant.name)))
      .orderBy(auditEvents.id);
    expect(events.map((e) => [e.action, e.tokenId !== null])).toEqual([
      ["budget.set", true],
      ["budget.removed", true],
    ]);
  });

  it("refuses a foreign tenant 404, a read grant or read-scoped token 403, and a bad budget 400 naming the field", async () => {
    const good = { monthlyAmount: 100, thresholds: [80] };
    expect((await callBudget("GET", token.stranger)).status).toBe(404);
    expect((await callBudget("PUT", token.stranger, good)).status).toBe(404);
    expect((await callBudget("PUT", token.reader, good)).body.error).toMatchObject({ code: "forbidden" });
    expect((await callBudget("DELETE", token.readScoped)).body.error).toMatchObject({ code: "insufficient_scope" });
    const refusals: [unknown, string, string][] = [
      [{ monthlyAmount: 0, thresholds: [80] }, "body.monthlyAmount", "The budget must be more than 0."],
      [{ monthlyAmount: 100, thresholds: [] }, "body.thresholds", "Give at least one threshold."],
      [{ monthlyAmount: 100, thresholds: [80, 500] }, "body.thresholds.1", "A threshold is at most 200%."],
    ];
    for (const [body, field, message] of refusals)
      expect(await callBudget("PUT", token.writer, body)).toMatchObject({
        status: 400,
        body: { error: { code: "invalid", field, message } },
      });
    expect((await callBudget("GET", token.reader)).body).toEqual({ budget: null });
  });
});
