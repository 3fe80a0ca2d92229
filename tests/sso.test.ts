import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  auditEvents,
  ssoAccounts,
  ssoGroupMappings,
  tenantGrants,
  users,
  type GrantLevel,
  type User,
} from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { readOidcConfig } from "@/lib/auth/oidc-config";
import { signInWithSso, ssoIdentityFromClaims, type SsoIdentity } from "@/lib/auth/sso";
import { nextRole } from "@/lib/group-mappings/next-role";
import { listVisibleTenants } from "@/lib/tenants/queries";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser, grantAccess, uniqueEmail, uniqueName } from "./helpers/factory";

const issuer = "https://idp.test.enclave.local";

describe.each(testDatabases())("SSO sign-in on $kind", (target) => {
  const database = useDatabase(target);
  const createdUsers = new Set<string>();
  const createdGroups = new Set<string>();
  // Registered after useDatabase, so it runs before the database closes.
  afterAll(async () => {
    const { db } = database();
    if (createdGroups.size)
      await db.delete(ssoGroupMappings).where(inArray(ssoGroupMappings.group, [...createdGroups]));
    if (createdUsers.size) await db.delete(users).where(inArray(users.id, [...createdUsers]));
  });

  const identity = (overrides: Partial<SsoIdentity> = {}): SsoIdentity => ({
    issuer,
    subject: uniqueName("subject"),
    email: uniqueEmail(),
    emailVerified: true,
    name: "Sam Single-Sign-On",
    groups: [],
    ...overrides,
  });

  async function signIn(who: SsoIdentity): Promise<User> {
    const result = await signInWithSso(database().db, who);
    if (!result.ok) throw new Error(`refused: ${result.code}`);
    createdUsers.add(result.user.id);
    return result.user;
  }

  async function mapGroup(db: Db, target: { role: "admin" | "auditor" } | { tenantId: string; level: GrantLevel }) {
    const group = uniqueName("group");
    createdGroups.add(group);
    await db.insert(ssoGroupMappings).values({ group, ...target });
    return group;
  }

  const groupGrants = (db: Db, userId: string) =>
    db
      .select({ tenantId: tenantGrants.tenantId, level: tenantGrants.level, source: tenantGrants.source })
      .from(tenantGrants)
      .where(eq(tenantGrants.userId, userId));
  const auditOf = (db: Db, email: string, action: string) =>
    db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.target, email), eq(auditEvents.action, action)))
      .orderBy(desc(auditEvents.id));

  it("creates the user on the first sign-in, with no password and no access", async () => {
    const { db } = database();
    const who = identity();
    const result = await signInWithSso(db, who);
    expect(result).toMatchObject({ ok: true, created: true });
    const user = (result as { user: User }).user;
    createdUsers.add(user.id);
    expect(user).toMatchObject({
      email: who.email,
      name: who.name,
      role: "user",
      roleSource: "direct",
      passwordHash: null,
      status: "active",
    });
    expect(user.lastSignInAt).toBeInstanceOf(Date);
    const accounts = await db.select().from(ssoAccounts).where(eq(ssoAccounts.userId, user.id));
    expect(accounts).toEqual([expect.objectContaining({ issuer, subject: who.subject })]);
    const actor = await loadActor(db, user);
    expect(actor.grants.size).toBe(0);
    expect(await listVisibleTenants(db, actor)).toEqual([]);
    expect(await auditOf(db, who.email!, "sso.user_created")).toHaveLength(1);
  });

  it("finds the same user by issuer and subject even when the email changed", async () => {
    const { db } = database();
    const who = identity();
    const first = await signIn(who);
    const newEmail = uniqueEmail();
    const again = await signInWithSso(db, { ...who, email: newEmail.toUpperCase(), name: "Sam Renamed" });
    expect(again).toMatchObject({
      ok: true,
      created: false,
      user: { id: first.id, email: newEmail, name: "Sam Renamed" },
    });
    expect(await auditOf(db, newEmail, "sso.email_changed")).toHaveLength(1);
    const elsewhere = await signIn({ ...who, issuer: "https://other-idp.test.enclave.local", email: uniqueEmail() });
    expect(elsewhere.id).not.toBe(first.id);
  });

  it("refuses an email that belongs to an account not linked to this identity, and creates nothing", async () => {
    const { db } = database();
    const local = await createUser(db, { password: "a local password" });
    const who = identity({ email: local.email.toUpperCase() });
    expect(await signInWithSso(db, who)).toEqual({ ok: false, code: "sso_email_taken" });
    expect(await db.select().from(ssoAccounts).where(eq(ssoAccounts.subject, who.subject))).toEqual([]);
    expect(await db.select({ id: users.id }).from(users).where(eq(users.email, local.email))).toEqual([
      { id: local.id },
    ]);
    const [row] = await db.select().from(users).where(eq(users.id, local.id));
    expect(row!.lastSignInAt).toBeNull();
  });

  it("refuses an unverified or missing email, and creates nothing", async () => {
    const { db } = database();
    const unverified = identity({ emailVerified: false });
    expect(await signInWithSso(db, unverified)).toEqual({ ok: false, code: "sso_email_unverified" });
    expect(await signInWithSso(db, identity({ email: null }))).toEqual({ ok: false, code: "sso_email_missing" });
    expect(await db.select().from(users).where(eq(users.email, unverified.email!))).toEqual([]);
  });

  it("refuses a disabled user without changing anything", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const group = await mapGroup(db, { tenantId: tenant.id, level: "write" });
    const who = identity();
    const user = await signIn(who);
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, user.id));
    expect(await signInWithSso(db, { ...who, groups: [group] })).toEqual({ ok: false, code: "sso_disabled" });
    expect(await groupGrants(db, user.id)).toEqual([]);
  });

  it("gives a tenant grant and the auditor, then the admin, role through group mappings", async () => {
    const { db } = database();
    const tenant = await createTenant(db);
    const reads = await mapGroup(db, { tenantId: tenant.id, level: "read" });
    const writes = await mapGroup(db, { tenantId: tenant.id, level: "write" });
    const auditors = await mapGroup(db, { role: "auditor" });
    const admins = await mapGroup(db, { role: "admin" });
    const who = identity({ groups: [reads, auditors, "unmapped-group"] });

    const user = await signIn(who);
    expect(user).toMatchObject({ role: "auditor", roleSource: "group" });
    expect(await groupGrants(db, user.id)).toEqual([{ tenantId: tenant.id, level: "read", source: `group:${reads}` }]);
    const [sync] = await auditOf(db, who.email!, "sso.group_sync");
    expect(sync!.details).toMatchObject({
      role: { from: "user", to: "auditor" },
      grantsAdded: [{ tenant: tenant.name, level: "read", group: reads }],
    });

    const admin = await signIn({ ...who, groups: [reads, writes, auditors, admins] });
    expect(admin).toMatchObject({ role: "admin", roleSource: "group" });
    expect((await loadActor(db, admin)).grants.get(tenant.id)).toBe("write");
  });

  it("takes back the group's grant and role when the user leaves the group, but keeps direct ones", async () => {
    const { db } = database();
    const [fromGroup, direct] = [await createTenant(db), await createTenant(db)];
    const team = await mapGroup(db, { tenantId: fromGroup.id, level: "write" });
    const admins = await mapGroup(db, { role: "admin" });
    const who = identity({ groups: [team, admins] });
    const user = await signIn(who);
    await grantAccess(db, user.id, direct.id, "read");
    await grantAccess(db, user.id, fromGroup.id, "read");

    const left = await signIn({ ...who, groups: [] });
    expect(left).toMatchObject({ role: "user", roleSource: "direct" });
    const remaining = await groupGrants(db, user.id);
    expect(remaining.map((g) => `${g.tenantId} ${g.level} ${g.source}`).sort()).toEqual(
      [`${direct.id} read direct`, `${fromGroup.id} read direct`].sort(),
    );
    const [sync] = await auditOf(db, who.email!, "sso.group_sync");
    expect(sync!.details).toMatchObject({
      role: { from: "admin", to: "user" },
      grantsRemoved: [{ tenant: fromGroup.name, level: "write", group: team }],
    });

    const syncs = (await auditOf(db, who.email!, "sso.group_sync")).length;
    await signIn({ ...who, groups: [] });
    expect(await auditOf(db, who.email!, "sso.group_sync")).toHaveLength(syncs);
  });

  it("never lowers a role an administrator set, and lets a group raise it", async () => {
    const { db } = database();
    const auditors = await mapGroup(db, { role: "auditor" });
    const admins = await mapGroup(db, { role: "admin" });
    const who = identity();
    const user = await signIn(who);
    await db.update(users).set({ role: "admin", roleSource: "direct" }).where(eq(users.id, user.id));
    expect(await signIn({ ...who, groups: [auditors] })).toMatchObject({ role: "admin", roleSource: "direct" });
    expect(await signIn({ ...who, groups: [] })).toMatchObject({ role: "admin", roleSource: "direct" });

    await db.update(users).set({ role: "auditor", roleSource: "direct" }).where(eq(users.id, user.id));
    expect(await signIn({ ...who, groups: [admins] })).toMatchObject({ role: "admin", roleSource: "group" });
  });

  it("gives nothing for a mapping on a deleted tenant", async () => {
    const { db } = database();
    const gone = await createTenant(db, { status: "deleted" });
    const group = await mapGroup(db, { tenantId: gone.id, level: "write" });
    const user = await signIn(identity({ groups: [group] }));
    expect(await groupGrants(db, user.id)).toEqual([]);
  });
});

describe("reading the IdP's claims", () => {
  const base = { iss: issuer, sub: "abc", email: " Sam@Example.com ", email_verified: true, name: "Sam" };

  it("takes issuer, subject, email, name and groups from the configured claim", () => {
    expect(ssoIdentityFromClaims({ ...base, roles: ["a", "b", "a", 7] }, "roles")).toEqual({
      issuer,
      subject: "abc",
      email: "Sam@Example.com",
      emailVerified: true,
      name: "Sam",
      groups: ["a", "b"],
    });
    expect(ssoIdentityFromClaims({ ...base, groups: "solo" }, "groups")?.groups).toEqual(["solo"]);
    expect(ssoIdentityFromClaims(base, "groups")?.groups).toEqual([]);
  });

  it("treats a missing or false email_verified as unverified, and a bad email as missing", () => {
    expect(ssoIdentityFromClaims({ ...base, email_verified: "true" }, "groups")?.emailVerified).toBe(true);
    expect(ssoIdentityFromClaims({ ...base, email_verified: false }, "groups")?.emailVerified).toBe(false);
    expect(ssoIdentityFromClaims({ ...base, email_verified: undefined }, "groups")?.emailVerified).toBe(false);
    expect(ssoIdentityFromClaims({ ...base, email: "not an email" }, "groups")?.email).toBeNull();
  });

  it("answers null without an issuer or a subject", () => {
    expect(ssoIdentityFromClaims({ ...base, iss: undefined }, "groups")).toBeNull();
    expect(ssoIdentityFromClaims({ ...base, sub: "" }, "groups")).toBeNull();
  });
});

describe("the role after an SSO sign-in", () => {
  it("follows the groups for a group-given role and never lowers a direct one", () => {
    expect(nextRole({ role: "admin", roleSource: "group" }, "auditor")).toEqual({
      role: "auditor",
      roleSource: "group",
    });
    expect(nextRole({ role: "auditor", roleSource: "group" }, null)).toEqual({ role: "user", roleSource: "direct" });
    expect(nextRole({ role: "admin", roleSource: "direct" }, "auditor")).toEqual({
      role: "admin",
      roleSource: "direct",
    });
    expect(nextRole({ role: "user", roleSource: "direct" }, "auditor")).toEqual({
      role: "auditor",
      roleSource: "group",
    });
    expect(nextRole({ role: "auditor", roleSource: "direct" }, null)).toEqual({
      role: "auditor",
      roleSource: "direct",
    });
  });
});

describe("the SSO settings", () => {
  const env = { OIDC_ISSUER: "https://idp.example.com/", OIDC_CLIENT_ID: "portal", OIDC_CLIENT_SECRET: "s3cret" };

  it("are off without an issuer, or without the client's id and secret", () => {
    expect(readOidcConfig({})).toBeNull();
    expect(readOidcConfig({ ...env, OIDC_CLIENT_SECRET: "" })).toBeNull();
  });

  it("default the groups claim, the button's name and the scopes", () => {
    expect(readOidcConfig(env)).toEqual({
      issuer: "https://idp.example.com",
      clientId: "portal",
      clientSecret: "s3cret",
      groupsClaim: "groups",
      displayName: "SSO",
      scope: "openid email profile",
    });
    expect(readOidcConfig({ ...env, OIDC_GROUPS_CLAIM: "roles", OIDC_DISPLAY_NAME: "Okta" })).toMatchObject({
      groupsClaim: "roles",
      displayName: "Okta",
    });
  });
});
