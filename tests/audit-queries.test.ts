import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { auditFilters, listAuditEvents } from "@/lib/audit/queries";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser, uniqueName } from "./helpers/factory";

describe("audit filters from a URL", () => {
  it("drops values it cannot use instead of failing the page", () => {
    const newestFirst = { sort: "at", dir: "desc" };
    expect(
      auditFilters.parse({ page: "-3", from: "yesterday", actor: "x".repeat(300), sort: "ip", dir: "up" }),
    ).toMatchObject({ page: 1, ...newestFirst, from: undefined, actor: undefined });
    expect(auditFilters.parse({ page: "2", to: "2026-11-01", action: "grant.", sort: "actor", dir: "asc" })).toEqual({
      page: 2,
      to: "2026-11-01",
      action: "grant.",
      sort: "actor",
      dir: "asc",
    });
  });
});

describe.each(testDatabases())("audit log queries on $kind", (target) => {
  const database = useDatabase(target);

  it("filters by action, actor and tenant, newest first, and pages through the rest", async () => {
    const { db } = database();
    const [actor, tenant] = await Promise.all([createUser(db), createTenant(db)]);
    const action = uniqueName("test.action");
    for (let i = 0; i < 5; i++) {
      await recordAudit(db, {
        actorId: actor.id,
        action,
        tenantId: i % 2 === 0 ? tenant.id : null,
        target: `item-${i}`,
      });
    }
    const all = await listAuditEvents(db, auditFilters.parse({ action }), 2);
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.target)).toEqual(["item-4", "item-3"]);
    const third = await listAuditEvents(db, auditFilters.parse({ action, page: "3" }), 2);
    expect(third.rows.map((r) => r.target)).toEqual(["item-0"]);

    const onTenant = await listAuditEvents(db, auditFilters.parse({ action, tenant: tenant.name }));
    expect(onTenant.rows.map((r) => r.target)).toEqual(["item-4", "item-2", "item-0"]);
    const byActor = await listAuditEvents(db, auditFilters.parse({ actor: actor.email.toUpperCase() }));
    expect(byActor.total).toBe(5);
    const wildcard = await listAuditEvents(db, auditFilters.parse({ action: "%" }));
    expect(wildcard.total).toBe(0);
  });
});
