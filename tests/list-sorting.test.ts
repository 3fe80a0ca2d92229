import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { alerts, budgets } from "@/db/schema";
import { alertListQuery } from "@/lib/alerts/alert-input";
import { listAlerts } from "@/lib/alerts/alert-queries";
import { auditFilters, auditPageQuery, listAuditEvents } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { rankTenantsByMonthToDate } from "@/lib/billing/cost-queries";
import { spendListQuery } from "@/lib/billing/spend-list-query";
import { insertCosts } from "./helpers/costs";
import { testDatabases, useDatabase } from "./helpers/databases";
import { explainPlan, indexesUsed, planNodes, type PlanNode } from "./helpers/explain-plan";
import { createTenant, createUser, uniqueName } from "./helpers/factory";

describe("list sorts read from a URL", () => {
  it("fall back to each list's default order on values they cannot use, never failing the page", () => {
    expect(alertListQuery.parse({ sort: "title", dir: "sideways", state: "gone", page: "x" })).toMatchObject({
      sort: "openedAt",
      dir: "desc",
      state: undefined,
      page: 1,
    });
    expect(alertListQuery.parse({ sort: "severity", dir: "asc", severity: "critical" })).toMatchObject({
      sort: "severity",
      dir: "asc",
      severity: "critical",
    });
    expect(spendListQuery.parse({ sort: ["name", "used"], q: "x".repeat(100), page: "0" })).toEqual({
      sort: "monthToDate",
      dir: "desc",
      q: "",
      page: 1,
    });
  });
});

describe.each(testDatabases())("sorted and filtered lists on $kind", (target) => {
  const database = useDatabase(target);

  it("sorts the audit log by who, what and tenant, newest first within each", async () => {
    const { db } = database();
    const [ann, bob, tenant] = await Promise.all([createUser(db), createUser(db), createTenant(db)]);
    const action = uniqueName("test.sort");
    const events = [
      { actor: ann, what: "b", tenantId: tenant.id },
      { actor: bob, what: "a", tenantId: null },
      { actor: ann, what: "a", tenantId: null },
    ];
    for (const { actor, what, tenantId } of events)
      await recordAudit(db, {
        actorId: actor.id,
        action: `${action}.${what}`,
        tenantId,
        target: `${what}-${actor.email}`,
      });
    const list = async (sort: string, dir: string) =>
      (await listAuditEvents(db, auditFilters.parse({ action, sort, dir }))).rows.map((r) => r.target);
    const [first, second] = [ann.email, bob.email].sort();
    const [annNewest, annOldest] = [`a-${ann.email}`, `b-${ann.email}`];
    expect(await list("actor", "asc")).toEqual(
      first === ann.email ? [annNewest, annOldest, `a-${second}`] : [`a-${first}`, annNewest, annOldest],
    );
    expect(await list("action", "desc")).toEqual([annOldest, annNewest, `a-${bob.email}`]);
    expect(await list("tenant", "asc")).toEqual([annOldest, annNewest, `a-${bob.email}`]);
    expect(await list("at", "asc")).toEqual([annOldest, `a-${bob.email}`, annNewest]);
  });

  it("sorts a tenant's alerts by severity and state, keeping the state and severity filters", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const alert = (
      title: string,
      severity: "info" | "warning" | "critical",
      state: "open" | "acknowledged" | "resolved",
      minute: number,
    ) => ({
      tenantId: tenant.id,
      source: "rule" as const,
      key: `rule:${title}`,
      title,
      severity,
      state,
      openedAt: new Date(Date.UTC(2026, 10, 28, 10, minute)),
    });
    await db
      .insert(alerts)
      .values([
        alert("disk", "warning", "open", 1),
        alert("cpu", "critical", "acknowledged", 2),
        alert("memory", "info", "open", 3),
        alert("old", "critical", "resolved", 0),
      ]);
    const list = async (query: Record<string, string>) =>
      (await listAlerts(db, { tenantId: tenant.id }, alertListQuery.parse(query))).rows.map((a) => a.title);
    expect(await list({})).toEqual(["memory", "cpu", "disk"]);
    expect(await list({ sort: "severity", dir: "desc" })).toEqual(["cpu", "disk", "memory"]);
    expect(await list({ sort: "severity", dir: "asc", state: "all" })).toEqual(["memory", "disk", "cpu", "old"]);
    expect(await list({ sort: "state", dir: "asc", state: "all" })).toEqual(["memory", "disk", "cpu", "old"]);
    expect(await list({ sort: "openedAt", dir: "asc", severity: "critical", state: "all" })).toEqual(["old", "cpu"]);
  });

  it("sorts admin spend by name, budget and share of budget, filters by name, and keeps each tenant's rank by spend", async () => {
    const { db } = database();
    // A month no other run uses, so these three rank first in it.
    const day = `${2900 + Math.floor(Math.random() * 90)}-03-10`;
    const prefix = uniqueName("spend");
    const [big, mid, small] = await Promise.all(
      ["c", "a", "b"].map((letter) => createTenant(db, { name: `${prefix}-${letter}` })),
    );
    await insertCosts(
      db,
      [big!, mid!, small!].map((t, i) => ({ tenantId: t.id, day, service: "compute", amount: [90, 50, 10][i]! })),
    );
    await db.insert(budgets).values([
      { tenantId: big!.id, monthlyAmount: 1000, thresholds: [100] },
      { tenantId: small!.id, monthlyAmount: 20, thresholds: [100] },
    ]);
    const list = async (query: Record<string, string>) => {
      const { q, sort, dir } = spendListQuery.parse({ q: prefix, ...query });
      const page = await rankTenantsByMonthToDate(db, day, { limit: 10, offset: 0, search: q, sort, dir });
      return page.rows.map((r) => [r.name.slice(-1), r.rank, r.used === null ? null : Math.round(r.used * 100)]);
    };
    expect(await list({})).toEqual([
      ["c", 1, 9],
      ["a", 2, null],
      ["b", 3, 50],
    ]);
    expect((await list({ sort: "name", dir: "asc" })).map((r) => r[0])).toEqual(["a", "b", "c"]);
    expect((await list({ sort: "monthToDate", dir: "asc" })).map((r) => r[0])).toEqual(["b", "a", "c"]);
    expect((await list({ sort: "budget", dir: "desc" })).map((r) => r[0])).toEqual(["c", "b", "a"]);
    expect((await list({ sort: "used", dir: "desc" })).map((r) => r[0])).toEqual(["b", "c", "a"]);
    expect(await list({ q: `${prefix}-b` })).toEqual([["b", 3, 50]]);
  });
});

describe.each(testDatabases())("audit log sort plans on $kind", (target) => {
  const database = useDatabase(target);

  it("reads a page of the log by action or time from an index, not by sorting every event", async () => {
    // Inside a transaction rolled back at the end: the shared database keeps neither the events nor their statistics.
    const rollback = new Error("rollback");
    const plans = database()
      .db.transaction(async (tx) => {
        await tx.execute(sql`
          insert into audit_events (action, at, target)
          select 'plan.' || (g % 40), now() - g * interval '1 minute', 'plan-' || g from generate_series(1, 20000) g`);
        await tx.execute(sql`analyze audit_events`);
        const explain = (sort: "action" | "at", dir: "asc" | "desc") =>
          explainPlan(tx, auditPageQuery(tx, auditFilters.parse({ sort, dir })));
        const found = await Promise.all([
          explain("action", "asc"),
          explain("action", "desc"),
          explain("at", "asc"),
          explain("at", "desc"),
        ]);
        throw Object.assign(rollback, { found });
      })
      .catch((error: Error & { found?: PlanNode[] }) => {
        if (error !== rollback) throw error;
        return error.found!;
      });
    const [actionAsc, actionDesc, oldest, newest] = await plans;
    for (const plan of [actionAsc!, actionDesc!]) expect(indexesUsed(plan)).toContain("audit_events_action_at_idx");
    for (const plan of [oldest!, newest!]) expect(indexesUsed(plan)).toContain("audit_events_at_idx");
    for (const plan of [actionAsc!, actionDesc!, oldest!, newest!])
      expect(
        planNodes(plan).filter((n) => n["Relation Name"] === "audit_events" && n["Node Type"] === "Seq Scan"),
      ).toEqual([]);
  });
});
