import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, tenantGrants, users } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { grantInput, grantTenantAccess, revokeTenantAccess } from "@/lib/grants/grant-tenant-access";
import { countTenantMembers } from "@/lib/tenants/queries";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser } from "./helpers/factory";

const auditFor = (db: Db, tenantId: string) => db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId));
const grantsOf = (db: Db, tenantId: string, userId: string) =>
  db
    .select()
    .from(tenantGrants)
    .where(and(eq(tenantGrants.tenantId, tenantId), eq(tenantGrants.userId, userId)));

describe("grant input", () => {
  const valid = { tenant: "dev", userId: randomUUID(), level: "read" };
  it.each([
    [{ ...valid, userId: "not-a-uuid" }, "Choose a user."],
    [{ ...valid, level: "admin" }, "Choose read or write."],
    [{ ...valid, expiresAt: "tomorrow" }, "Give the expiry as a date and time."],
    [{ ...valid, expiresAt: new Date(Date.now() - 60_000).toISOString() }, "The expiry must be in the future."],
  ])("refuses %o with a clear message", (input, message) => {
    const parsed = grantInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});

describe.each(testDatabases())("tenant grants on $kind", (target) => {
  const database = useDatabase(target);

  async function setup() {
    const { db } = database();
    const [admin, user, tenant] = await Promise.all([
      createUser(db, { role: "admin" }),
      createUser(db),
      createTenant(db),
    ]);
    return { db, ctx: { db, actor: await loadActor(db, admin), ip: "203.0.113.9" }, user, tenant };
  }

  it("grants, upgrades and revokes access, each with its audit event", async () => {
    const { db, ctx, user, tenant } = await setup();
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    await grantTenantAccess(ctx, { tenant: tenant.name, userId: user.id, level: "read", expiresAt });
    expect((await loadActor(db, user)).grants.get(tenant.id)).toBe("read");

    await grantTenantAccess(ctx, { tenant: tenant.name, userId: user.id, level: "write" });
    const rows = await grantsOf(db, tenant.id, user.id);
    expect(rows.map((r) => [r.level, r.expiresAt])).toEqual([["write", null]]);

    await revokeTenantAccess(ctx, { tenant: tenant.name, userId: user.id });
    expect((await loadActor(db, user)).grants.has(tenant.id)).toBe(false);
    const events = await auditFor(db, tenant.id);
    expect(events.map((e) => e.action)).toEqual(["grant.set", "grant.set", "grant.revoke"]);
    expect(events.every((e) => e.actorId === ctx.actor.id && e.target === user.email && e.ip === "203.0.113.9")).toBe(
      true,
    );
  });

  it("counts as members the people with a live grant, once each, as the overview shows them", async () => {
    const { db, user, tenant } = await setup();
    const [other, lapsed] = await Promise.all([createUser(db), createUser(db)]);
    await db.insert(tenantGrants).values([
      { tenantId: tenant.id, userId: user.id, level: "read" },
      { tenantId: tenant.id, userId: user.id, level: "write", source: "group:ops" },
      { tenantId: tenant.id, userId: other.id, level: "read", expiresAt: new Date(Date.now() + 60_000) },
      { tenantId: tenant.id, userId: lapsed.id, level: "read", expiresAt: new Date(Date.now() - 60_000) },
    ]);
    expect(await countTenantMembers(db, tenant.id)).toBe(2);
  });

  it("answers not-found for an unknown tenant or user, and changes and audits nothing", async () => {
    const { db, ctx, user, tenant } = await setup();
    await expect(grantTenantAccess(ctx, { tenant: "no-such-tenant", userId: user.id, level: "read" })).rejects.toThrow(
      "That tenant does not exist.",
    );
    await expect(grantTenantAccess(ctx, { tenant: tenant.name, userId: randomUUID(), level: "read" })).rejects.toThrow(
      "That user does not exist.",
    );
    await expect(revokeTenantAccess(ctx, { tenant: tenant.name, userId: user.id })).rejects.toThrow("no direct grant");
    expect(await grantsOf(db, tenant.id, user.id)).toEqual([]);
    expect(await auditFor(db, tenant.id)).toEqual([]);
  });

  it("leaves a grant given by an SSO group to the next sign-in", async () => {
    const { db, ctx, user, tenant } = await setup();
    await db.insert(tenantGrants).values({ tenantId: tenant.id, userId: user.id, level: "read", source: "group:ops" });
    await expect(revokeTenantAccess(ctx, { tenant: tenant.name, userId: user.id })).rejects.toThrow("no direct grant");
    expect(await grantsOf(db, tenant.id, user.id)).toHaveLength(1);
  });

  it("cannot commit a grant whose audit event fails", async () => {
    const { db, ctx, user, tenant } = await setup();
    const ghost = { ...ctx.actor, id: randomUUID() };
    await expect(
      grantTenantAccess({ ...ctx, actor: ghost }, { tenant: tenant.name, userId: user.id, level: "write" }),
    ).rejects.toThrow();
    expect(await grantsOf(db, tenant.id, user.id)).toEqual([]);
    expect(await db.select().from(users).where(eq(users.id, ghost.id))).toEqual([]);
  });
});
