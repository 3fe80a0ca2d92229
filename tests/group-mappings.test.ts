import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, ssoGroupMappings, tenantGrants } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/context/actor";
import { createGroupMapping, createGroupMappingInput } from "@/lib/group-mappings/create-group-mapping";
import { deleteGroupMapping, deleteGroupMappingInput } from "@/lib/group-mappings/delete-group-mapping";
import { describeMappingTarget, listGroupMappings } from "@/lib/group-mappings/list-group-mappings";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser, grantAccess, uniqueName } from "./helpers/factory";

const firstError = (input: unknown) => createGroupMappingInput.safeParse(input).error?.issues[0]?.message;

describe("group mapping input", () => {
  const tenantId = randomUUID();

  it("trims the group name and accepts a role or a tenant grant", () => {
    expect(createGroupMappingInput.parse({ group: "  ops  ", target: "role", role: "auditor" })).toEqual({
      group: "ops",
      target: "role",
      role: "auditor",
    });
    expect(
      createGroupMappingInput.parse({ group: "ops", target: "tenant", tenantId, level: "write", extra: 1 }),
    ).toEqual({ group: "ops", target: "tenant", tenantId, level: "write" });
  });

  it("says what is wrong with bad input", () => {
    expect(firstError({ group: "   ", target: "role", role: "admin" })).toBe(
      "Enter the group's name as the identity provider sends it.",
    );
    expect(firstError({ group: "g".repeat(201), target: "role", role: "admin" })).toBe(
      "A group name has at most 200 characters.",
    );
    expect(createGroupMappingInput.safeParse({ group: "g".repeat(200), target: "role", role: "admin" }).success).toBe(
      true,
    );
    expect(firstError({ group: "ops", target: "role", role: "user" })).toBe("Choose the admin or the auditor role.");
    expect(firstError({ group: "ops", target: "tenant", tenantId: "dev", level: "read" })).toBe("Choose a tenant.");
    expect(firstError({ group: "ops", target: "tenant", tenantId, level: "owner" })).toBe(
      "Choose read or write access.",
    );
    expect(firstError({ group: "ops" })).toBe("Choose what the group gives: a role, or access to a tenant.");
    expect(deleteGroupMappingInput.safeParse({ id: "1" }).error?.issues[0]?.message).toBe(
      "Choose a mapping to delete.",
    );
  });
});

describe.each(testDatabases())("group mapping services on $kind", (target) => {
  const database = useDatabase(target);
  const groups = new Set<string>();
  let admin: Actor;
  beforeAll(async () => {
    admin = await loadActor(database().db, await createUser(database().db, { role: "admin" }));
  });
  afterAll(async () => {
    if (groups.size)
      await database()
        .db.delete(ssoGroupMappings)
        .where(inArray(ssoGroupMappings.group, [...groups]));
  });

  const ctx = () => ({ db: database().db, actor: admin, ip: "203.0.113.9" });
  const newGroup = () => {
    const group = uniqueName("group");
    groups.add(group);
    return group;
  };
  const mappingsOf = (db: Db, group: string) =>
    db.select().from(ssoGroupMappings).where(eq(ssoGroupMappings.group, group));
  const auditOf = (db: Db, group: string, action: string) =>
    db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.target, group), eq(auditEvents.action, action)));

  it("creates role and tenant mappings, lists them and audits each", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const group = newGroup();
    await createGroupMapping(ctx(), { group, target: "role", role: "auditor" });
    await createGroupMapping(ctx(), { group, target: "tenant", tenantId: tenant.id, level: "write" });

    const listed = (await listGroupMappings(db)).filter((m) => m.group === group).map(describeMappingTarget);
    expect(listed.sort()).toEqual(["auditor role", `write on ${tenant.name}`]);
    const audits = await auditOf(db, group, "group_mapping.create");
    expect(audits).toHaveLength(2);
    expect(audits.find((a) => a.tenantId === tenant.id)).toMatchObject({
      actorId: admin.id,
      ip: "203.0.113.9",
      details: { tenant: tenant.name, level: "write" },
    });
  });

  it("refuses a duplicate with a clear message and changes nothing", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const group = newGroup();
    await createGroupMapping(ctx(), { group, target: "tenant", tenantId: tenant.id, level: "read" });
    await createGroupMapping(ctx(), { group, target: "role", role: "admin" });

    const again = createGroupMapping(ctx(), { group, target: "tenant", tenantId: tenant.id, level: "write" });
    await expect(again).rejects.toThrow(ConflictError);
    await expect(again).rejects.toThrow(
      `The group "${group}" already gives read access to ${tenant.name}. Delete that mapping first to change the level.`,
    );
    await expect(createGroupMapping(ctx(), { group, target: "role", role: "admin" })).rejects.toThrow(
      `The group "${group}" already gives the admin role.`,
    );
    expect(await mappingsOf(db, group)).toHaveLength(2);
    expect(await auditOf(db, group, "group_mapping.create")).toHaveLength(2);
  });

  it("answers not-found for an unknown or deleted tenant, and changes nothing", async () => {
    const { db } = database();
    const deleted = await createTenant(db, { status: "deleted" });
    const group = newGroup();
    for (const tenantId of [randomUUID(), deleted.id]) {
      await expect(createGroupMapping(ctx(), { group, target: "tenant", tenantId, level: "read" })).rejects.toThrow(
        new NotFoundError("That tenant does not exist."),
      );
    }
    expect(await mappingsOf(db, group)).toEqual([]);
    expect(await auditOf(db, group, "group_mapping.create")).toEqual([]);
  });

  it("deletes a mapping with the grants it gave, keeping other grants, and audits it", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const [group, other] = [newGroup(), newGroup()];
    const { id } = await createGroupMapping(ctx(), { group, target: "tenant", tenantId: tenant.id, level: "write" });
    const member = await createUser(db);
    await db.insert(tenantGrants).values([
      { tenantId: tenant.id, userId: member.id, level: "write", source: `group:${group}` },
      { tenantId: tenant.id, userId: member.id, level: "read", source: `group:${other}` },
    ]);
    await grantAccess(db, member.id, tenant.id, "read");

    await deleteGroupMapping(ctx(), { id });
    expect(await mappingsOf(db, group)).toEqual([]);
    const left = await db
      .select({ source: tenantGrants.source })
      .from(tenantGrants)
      .where(eq(tenantGrants.userId, member.id));
    expect(left.map((g) => g.source).sort()).toEqual(["direct", `group:${other}`]);
    const [audit] = await auditOf(db, group, "group_mapping.delete");
    expect(audit).toMatchObject({
      tenantId: tenant.id,
      details: { tenant: tenant.name, level: "write", grantsRemoved: 1 },
    });
  });

  it("answers not-found for a mapping that is already gone, without an audit row", async () => {
    const { db } = database();
    const group = newGroup();
    const { id } = await createGroupMapping(ctx(), { group, target: "role", role: "admin" });
    await deleteGroupMapping(ctx(), { id });
    await expect(deleteGroupMapping(ctx(), { id })).rejects.toThrow(NotFoundError);
    expect(await auditOf(db, group, "group_mapping.delete")).toHaveLength(1);
  });
});
