import { randomUUID } from "node:crypto";
import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { auditEvents, ssoAccounts, tenantGrants, users, type User } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { verifyPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/errors";
import { changeOwnPassword, changeOwnPasswordInput } from "@/lib/users/change-own-password";
import type { ServiceContext } from "@/lib/context/service-context";
import { createLocalUser, createLocalUserInput } from "@/lib/users/create-local-user";
import { getUserDetail } from "@/lib/users/get-user-detail";
import { listUsers } from "@/lib/users/list-users";
import { resetUserPassword, resetUserPasswordInput } from "@/lib/users/reset-user-password";
import { setUserRole, setUserRoleInput } from "@/lib/users/set-user-role";
import { setUserStatus, setUserStatusInput } from "@/lib/users/set-user-status";
import { signOutUserEverywhere, signOutUserEverywhereInput } from "@/lib/users/sign-out-user-everywhere";
import { updateOwnProfile, updateOwnProfileInput } from "@/lib/users/update-own-profile";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser, grantAccess, uniqueEmail, uniqueName } from "./helpers/factory";

const password = "violet-anchor-meadow-42";
const unknownId = randomUUID();

/** What defineAction does around a service: validate, run, answer a DomainError with its message. */
type Outcome = { ok: boolean; code?: string; error?: string; data?: unknown };
type Case = [Record<string, unknown>, string, string];

async function attempt<S extends z.ZodType>(
  schema: S,
  run: (ctx: ServiceContext, input: z.infer<S>) => Promise<unknown>,
  ctx: ServiceContext,
  raw: unknown,
): Promise<Outcome> {
  const parsed = await schema.safeParseAsync(raw);
  if (!parsed.success) return { ok: false, code: "invalid", error: parsed.error.issues[0]?.message };
  try {
    return { ok: true, data: await run(ctx, parsed.data) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, code: error.code, error: error.message };
    throw error;
  }
}

describe.each(testDatabases())("user management on $kind", (target) => {
  const database = useDatabase(target);
  const db = () => database().db;
  // Users made by the services are not the factory's: delete them here (this runs before the database closes).
  const madeEmails = new Set<string>();
  afterAll(async () => {
    if (madeEmails.size)
      await db()
        .delete(users)
        .where(inArray(users.email, [...madeEmails]));
  });

  async function contextOf(user: User, on: Db = db()): Promise<ServiceContext> {
    return { db: on, actor: await loadActor(on, user), ip: "203.0.113.9" };
  }
  async function asNewAdmin() {
    const admin = await createUser(db(), { role: "admin", password });
    return { admin, ctx: await contextOf(admin) };
  }
  const auditBy = (actorId: string, on: Db = db()) =>
    on.select().from(auditEvents).where(eq(auditEvents.actorId, actorId));
  const reload = async (id: string) => (await db().select().from(users).where(eq(users.id, id)))[0]!;

  describe("createLocalUser", () => {
    it("creates a local user with a lower-cased email, a hashed password and one audit event", async () => {
      const { admin, ctx } = await asNewAdmin();
      const email = uniqueEmail();
      madeEmails.add(email);
      const result = await attempt(createLocalUserInput, createLocalUser, ctx, {
        email: ` ${email.toUpperCase()} `,
        name: " Grace Hopper ",
        role: "auditor",
        password,
      });
      expect(result).toMatchObject({ ok: true, data: { id: expect.any(String) } });
      const [row] = await db().select().from(users).where(eq(users.email, email));
      expect(row).toMatchObject({ name: "Grace Hopper", role: "auditor", roleSource: "direct", status: "active" });
      expect(await verifyPassword(row!.passwordHash!, password)).toBe(true);
      const events = await auditBy(admin.id);
      expect(events).toEqual([expect.objectContaining({ action: "user.create", target: email, ip: "203.0.113.9" })]);
      expect(JSON.stringify(events[0]!.details)).not.toContain(password);
    });

    it.each<[Record<string, unknown>, string]>([
      [{ email: undefined }, "Enter an email address."],
      [{ email: "   " }, "Enter an email address."],
      [{ email: 42 }, "Enter an email address."],
      [{ email: "not-an-email" }, "Enter a valid email address."],
      [{ email: `${"a".repeat(250)}@example.com` }, "That email address is too long."],
      [{ name: "" }, "Enter a name."],
      [{ name: ["Ada"] }, "Enter a name."],
      [{ name: "n".repeat(101) }, "Use at most 100 characters for the name."],
      [{ role: "owner" }, "Choose a role: admin, auditor or user."],
      [{ role: undefined }, "Choose a role: admin, auditor or user."],
      [{ password: "" }, "Enter a password."],
      [{ password: "short-pw" }, "Use at least 12 characters."],
      [{ password: "p".repeat(257) }, "Use at most 256 characters."],
      [{ password: "password1234" }, "That password is too common; choose another."],
      [{ password: "zzzzzzzzzzzzzzz" }, "That password is one character repeated; choose another."],
      [{ password: "joiner-horizon-7" }, "The password must not contain “joiner” from the email address."],
    ])("refuses %o with a clear message, creating nothing and auditing nothing", async (override, message) => {
      const { admin, ctx } = await asNewAdmin();
      // Unique by its domain, so the local part stays the word the last case puts in the password.
      const email = `joiner@${randomUUID().slice(0, 8)}.test.enclave.local`;
      madeEmails.add(email);
      const result = await attempt(createLocalUserInput, createLocalUser, ctx, {
        email,
        name: "New Joiner",
        role: "user",
        password,
        ...override,
      });
      expect(result).toEqual({ ok: false, code: "invalid", error: message });
      expect(await db().select().from(users).where(eq(users.email, email))).toEqual([]);
      expect(await auditBy(admin.id)).toEqual([]);
    });

    it("refuses a second account with the same email, in any case, and audits only the first", async () => {
      const { admin, ctx } = await asNewAdmin();
      const email = uniqueEmail();
      madeEmails.add(email);
      await createLocalUser(ctx, { email, name: "First", role: "user", password });
      const again = await attempt(createLocalUserInput, createLocalUser, ctx, {
        email: email.toUpperCase(),
        name: "Second",
        role: "admin",
        password,
      });
      expect(again).toEqual({ ok: false, code: "conflict", error: `A user with the email ${email} already exists.` });
      expect((await db().select().from(users).where(eq(users.email, email))).map((u) => u.name)).toEqual(["First"]);
      expect((await auditBy(admin.id)).map((e) => e.action)).toEqual(["user.create"]);
    });
  });

  describe("setUserRole", () => {
    it("sets the role by hand, pins its source to direct, and audits from and to", async () => {
      const { admin, ctx } = await asNewAdmin();
      const user = await createUser(db());
      await db().update(users).set({ roleSource: "group" }).where(eq(users.id, user.id));
      expect(await attempt(setUserRoleInput, setUserRole, ctx, { userId: user.id, role: "auditor" })).toEqual({
        ok: true,
        data: undefined,
      });
      expect(await reload(user.id)).toMatchObject({ role: "auditor", roleSource: "direct" });
      const [event] = await auditBy(admin.id);
      expect(event).toMatchObject({
        action: "user.role",
        target: user.email,
        details: { from: "user", to: "auditor", previousSource: "group" },
      });
    });

    it.each<Case>([
      [{ userId: "not-a-uuid", role: "user" }, "invalid", "That user does not exist."],
      [{ userId: 7, role: "user" }, "invalid", "That user does not exist."],
      [{ role: "user" }, "invalid", "That user does not exist."],
      [{ userId: unknownId, role: "user" }, "not_found", "That user does not exist."],
      [{ userId: "self", role: "superuser" }, "invalid", "Choose a role: admin, auditor or user."],
    ])("refuses %o, changing and auditing nothing", async (raw, code, message) => {
      const { admin, ctx } = await asNewAdmin();
      const input = { ...raw, userId: raw.userId === "self" ? admin.id : raw.userId };
      expect(await attempt(setUserRoleInput, setUserRole, ctx, input)).toEqual({ ok: false, code, error: message });
      expect((await reload(admin.id)).role).toBe("admin");
      expect(await auditBy(admin.id)).toEqual([]);
    });

    it("lets an admin step down while another active admin remains", async () => {
      const { admin, ctx } = await asNewAdmin();
      await setUserRole(ctx, { userId: admin.id, role: "user" });
      expect((await reload(admin.id)).role).toBe("user");
    });

    it("refuses to let the last active admin demote themselves", async () => {
      const { admin } = await asNewAdmin();
      // Other runs share the database: make this admin the last one only inside a transaction, then roll it back.
      const rolledBack = new Error("roll back");
      const outcome = await db()
        .transaction(async (tx) => {
          await tx
            .update(users)
            .set({ status: "disabled" })
            .where(and(eq(users.role, "admin"), eq(users.status, "active"), ne(users.id, admin.id)));
          const ctx = await contextOf(admin, tx);
          const result = await attempt(setUserRoleInput, setUserRole, ctx, { userId: admin.id, role: "auditor" });
          const [row] = await tx.select().from(users).where(eq(users.id, admin.id));
          const events = await auditBy(admin.id, tx);
          throw Object.assign(rolledBack, { result, role: row!.role, events });
        })
        .catch((error: unknown) => error as typeof rolledBack & { result: unknown; role: string; events: unknown[] });
      expect(outcome.result).toEqual({
        ok: false,
        code: "conflict",
        error:
          "You are the last active administrator. Make someone else an administrator before changing your own role.",
      });
      expect(outcome.role).toBe("admin");
      expect(outcome.events).toEqual([]);
    });
  });

  describe("setUserStatus", () => {
    it("disables a user, ending their sessions, and enables them again", async () => {
      const { admin, ctx } = await asNewAdmin();
      const user = await createUser(db(), { password });
      await setUserStatus(ctx, { userId: user.id, status: "disabled" });
      expect(await reload(user.id)).toMatchObject({ status: "disabled", sessionVersion: user.sessionVersion + 1 });
      await setUserStatus(ctx, { userId: user.id, status: "active" });
      expect(await reload(user.id)).toMatchObject({ status: "active", sessionVersion: user.sessionVersion + 1 });
      expect((await auditBy(admin.id)).map((e) => [e.action, e.target])).toEqual([
        ["user.disable", user.email],
        ["user.enable", user.email],
      ]);
    });

    it.each<Case>([
      [{ userId: "self", status: "disabled" }, "invalid", "You cannot disable your own account."],
      [{ userId: unknownId, status: "disabled" }, "not_found", "That user does not exist."],
      [{ userId: "1234", status: "disabled" }, "invalid", "That user does not exist."],
      [{ userId: "self", status: "banned" }, "invalid", "Choose active or disabled."],
      [{ userId: "self" }, "invalid", "Choose active or disabled."],
    ])("refuses %o, changing and auditing nothing", async (raw, code, message) => {
      const { admin, ctx } = await asNewAdmin();
      const input = { ...raw, userId: raw.userId === "self" ? admin.id : raw.userId };
      expect(await attempt(setUserStatusInput, setUserStatus, ctx, input)).toEqual({ ok: false, code, error: message });
      expect(await reload(admin.id)).toMatchObject({ status: "active", sessionVersion: admin.sessionVersion });
      expect(await auditBy(admin.id)).toEqual([]);
    });
  });

  describe("resetUserPassword", () => {
    it("replaces the password, signs the user out everywhere, and audits no secret", async () => {
      const { admin, ctx } = await asNewAdmin();
      const user = await createUser(db(), { password });
      const fresh = "saffron-kettle-drum-88";
      await resetUserPassword(ctx, { userId: user.id, password: fresh });
      const row = await reload(user.id);
      expect(await verifyPassword(row.passwordHash!, fresh)).toBe(true);
      expect(row.sessionVersion).toBe(user.sessionVersion + 1);
      const events = await auditBy(admin.id);
      expect(events).toEqual([expect.objectContaining({ action: "user.password_reset", target: user.email })]);
      expect(JSON.stringify(events)).not.toContain(fresh);
    });

    it("refuses a weak password, the email's name, an SSO-only account and an unknown id", async () => {
      const { admin, ctx } = await asNewAdmin();
      const user = await createUser(db(), { password });
      const ssoOnly = await createUser(db());
      const localPart = user.email.split("@")[0]!;
      const cases: [unknown, string][] = [
        [{ userId: user.id, password: "qwerty123456" }, "That password is too common; choose another."],
        [{ userId: user.id, password: "tiny" }, "Use at least 12 characters."],
        [{ userId: user.id }, "Enter a password."],
        [
          { userId: user.id, password: `${localPart}-rocks` },
          `The password must not contain “${localPart}” from the email address.`,
        ],
        [
          { userId: ssoOnly.id, password: "saffron-kettle-drum-88" },
          "This account signs in through SSO and has no password to reset.",
        ],
        [{ userId: unknownId, password: "saffron-kettle-drum-88" }, "That user does not exist."],
        [{ userId: "x", password: "saffron-kettle-drum-88" }, "That user does not exist."],
      ];
      for (const [raw, message] of cases)
        expect((await attempt(resetUserPasswordInput, resetUserPassword, ctx, raw)).error, message).toBe(message);
      expect(await reload(user.id)).toMatchObject({
        passwordHash: user.passwordHash,
        sessionVersion: user.sessionVersion,
      });
      expect((await reload(ssoOnly.id)).passwordHash).toBeNull();
      expect(await auditBy(admin.id)).toEqual([]);
    });
  });

  describe("signOutUserEverywhere", () => {
    it("bumps the session version and audits it; an unknown user is not found", async () => {
      const { admin, ctx } = await asNewAdmin();
      const user = await createUser(db());
      await signOutUserEverywhere(ctx, { userId: user.id });
      expect((await reload(user.id)).sessionVersion).toBe(user.sessionVersion + 1);
      expect(
        await attempt(signOutUserEverywhereInput, signOutUserEverywhere, ctx, { userId: unknownId }),
      ).toMatchObject({ code: "not_found", error: "That user does not exist." });
      expect(await attempt(signOutUserEverywhereInput, signOutUserEverywhere, ctx, { userId: "" })).toMatchObject({
        code: "invalid",
        error: "That user does not exist.",
      });
      expect((await auditBy(admin.id)).map((e) => [e.action, e.target])).toEqual([
        ["user.sign_out_everywhere", user.email],
      ]);
    });
  });

  describe("updateOwnProfile", () => {
    it("changes the name only, ignoring a role smuggled into the input", async () => {
      const user = await createUser(db());
      const ctx = await contextOf(user);
      expect(
        await attempt(updateOwnProfileInput, updateOwnProfile, ctx, {
          name: "  Renamed Person ",
          role: "admin",
          status: "active",
        }),
      ).toEqual({ ok: true, data: undefined });
      expect(await reload(user.id)).toMatchObject({ name: "Renamed Person", role: "user" });
      expect(await auditBy(user.id)).toEqual([
        expect.objectContaining({
          action: "account.profile",
          details: { name: { from: "Test User", to: "Renamed Person" } },
        }),
      ]);
    });

    it.each<[Record<string, unknown>, string]>([
      [{}, "Enter a name."],
      [{ name: "" }, "Enter a name."],
      [{ name: "   " }, "Enter a name."],
      [{ name: 12 }, "Enter a name."],
      [{ name: "x".repeat(101) }, "Use at most 100 characters for the name."],
    ])("refuses %o, changing and auditing nothing", async (raw, message) => {
      const user = await createUser(db());
      const result = await attempt(updateOwnProfileInput, updateOwnProfile, await contextOf(user), raw);
      expect(result).toEqual({ ok: false, code: "invalid", error: message });
      expect((await reload(user.id)).name).toBe("Test User");
      expect(await auditBy(user.id)).toEqual([]);
    });
  });

  describe("changeOwnPassword", () => {
    it("needs the current password, keeps the session, and audits no secret", async () => {
      const user = await createUser(db(), { password });
      const fresh = "saffron-kettle-drum-88";
      await changeOwnPassword(await contextOf(user), { currentPassword: password, newPassword: fresh });
      const row = await reload(user.id);
      expect(await verifyPassword(row.passwordHash!, fresh)).toBe(true);
      expect(row.sessionVersion).toBe(user.sessionVersion);
      const events = await auditBy(user.id);
      expect(events).toEqual([
        expect.objectContaining({ action: "account.password", target: user.email, details: {} }),
      ]);
      expect(JSON.stringify(events)).not.toMatch(/saffron|violet/);
    });

    it("refuses a wrong current password, a weak or reused new one, and an SSO account", async () => {
      const user = await createUser(db(), { password });
      const ctx = await contextOf(user);
      const localPart = user.email.split("@")[0]!;
      const cases: [unknown, string][] = [
        [
          { currentPassword: "wrong-password-here", newPassword: "saffron-kettle-drum-88" },
          "Your current password is not correct.",
        ],
        [{ newPassword: "saffron-kettle-drum-88" }, "Enter your current password."],
        [{ currentPassword: password, newPassword: "letmein12345" }, "That password is too common; choose another."],
        [{ currentPassword: password, newPassword: 123456789012 }, "Enter a password."],
        [
          { currentPassword: password, newPassword: `${localPart}!2` },
          `The password must not contain “${localPart}” from the email address.`,
        ],
        [
          { currentPassword: password, newPassword: password },
          "Choose a new password that differs from the current one.",
        ],
      ];
      for (const [raw, message] of cases)
        expect((await attempt(changeOwnPasswordInput, changeOwnPassword, ctx, raw)).error, message).toBe(message);
      const ssoOnly = await createUser(db());
      const sso = await attempt(changeOwnPasswordInput, changeOwnPassword, await contextOf(ssoOnly), {
        currentPassword: "anything",
        newPassword: "saffron-kettle-drum-88",
      });
      expect(sso.error).toBe("Your account signs in through SSO; change your password with your identity provider.");
      expect((await reload(user.id)).passwordHash).toBe(user.passwordHash);
      expect(await auditBy(user.id)).toEqual([]);
    });
  });

  describe("listUsers and getUserDetail", () => {
    async function makeUsers(marker: string, specs: { role: User["role"]; status: User["status"] }[]) {
      const rows = specs.map((s, i) => ({
        ...s,
        email: `${marker}-${i}@test.enclave.local`,
        name: `Person ${i} ${marker}`,
      }));
      rows.forEach((r) => madeEmails.add(r.email));
      return db().insert(users).values(rows).returning();
    }

    it("searches email and name without case, filters, counts and pages", async () => {
      const marker = uniqueName("Listed").replace("-", "");
      await makeUsers(marker.toLowerCase(), [
        { role: "user", status: "active" },
        { role: "user", status: "disabled" },
        { role: "auditor", status: "active" },
        { role: "admin", status: "active" },
        { role: "user", status: "active" },
      ]);
      const all = await listUsers(db(), { search: marker.toUpperCase() });
      expect(all).toMatchObject({ total: 5, page: 1, pageCount: 1 });
      expect(all.rows.map((r) => r.email)).toEqual(
        [0, 1, 2, 3, 4].map((i) => `${marker.toLowerCase()}-${i}@test.enclave.local`),
      );
      expect((await listUsers(db(), { search: `person 3 ${marker}` })).rows.map((r) => r.role)).toEqual(["admin"]);
      expect((await listUsers(db(), { search: marker, role: "user" })).total).toBe(3);
      expect((await listUsers(db(), { search: marker, role: "user", status: "disabled" })).total).toBe(1);
      const second = await listUsers(db(), { search: marker, page: "2", pageSize: 2 });
      expect(second).toMatchObject({ total: 5, page: 2, pageCount: 3 });
      expect(second.rows.map((r) => r.email.split("@")[0]!.slice(-1))).toEqual(["2", "3"]);
      expect(await listUsers(db(), { search: marker, page: "99", pageSize: 2 })).toMatchObject({
        page: 3,
        rows: [expect.anything()],
      });
      expect((await listUsers(db(), { search: marker, role: "owner", page: "-1" })).total).toBe(5);
    });

    it("takes % and _ in a search literally", async () => {
      const marker = uniqueName("pct").replace("-", "");
      await makeUsers(marker, [{ role: "user", status: "active" }]);
      expect((await listUsers(db(), { search: `${marker}-0` })).total).toBe(1);
      expect((await listUsers(db(), { search: `${marker}%0` })).total).toBe(0);
      expect((await listUsers(db(), { search: `${marker}_0` })).total).toBe(0);
    });

    it("counts live grants on tenants that exist, and shows each grant with its source in the detail", async () => {
      const user = await createUser(db(), { password });
      const [a, b, c, gone] = [
        await createTenant(db()),
        await createTenant(db()),
        await createTenant(db()),
        await createTenant(db(), { status: "deleted" }),
      ];
      await grantAccess(db(), user.id, a.id, "write");
      await db()
        .insert(tenantGrants)
        .values({ userId: user.id, tenantId: a.id, level: "read", source: "group:engineering" });
      await grantAccess(db(), user.id, b.id, "read", new Date(Date.now() + 3_600_000));
      await grantAccess(db(), user.id, c.id, "read", new Date(Date.now() - 60_000));
      await grantAccess(db(), user.id, gone.id, "read");
      await db().insert(ssoAccounts).values({ userId: user.id, issuer: "https://idp.example", subject: "sub-123" });
      const [row] = (await listUsers(db(), { search: user.email })).rows;
      expect(row).toMatchObject({ id: user.id, tenantCount: 2, lastSignInAt: null });

      const detail = await getUserDetail(db(), user.id);
      expect(detail).toMatchObject({
        id: user.id,
        email: user.email,
        hasPassword: true,
        identities: [{ issuer: "https://idp.example", subject: "sub-123" }],
      });
      expect(detail).not.toHaveProperty("passwordHash");
      const grants = detail!.grants.map((g) => [g.tenant, g.level, g.source, g.expired]);
      expect(grants).toEqual(
        [
          [a.name, "write", "direct", false],
          [a.name, "read", "group:engineering", false],
          [b.name, "read", "direct", false],
          [c.name, "read", "direct", true],
        ].sort((x, y) => `${x[0]}${x[2]}`.localeCompare(`${y[0]}${y[2]}`)),
      );
    });

    it.each(["not-a-uuid", "", "../admin", "00000000-0000-0000-0000-00000000000g"])(
      "answers null for the malformed id %j",
      async (id) => {
        expect(await getUserDetail(db(), id)).toBeNull();
      },
    );

    it("answers null for an unknown id", async () => {
      expect(await getUserDetail(db(), unknownId)).toBeNull();
    });
  });
});
