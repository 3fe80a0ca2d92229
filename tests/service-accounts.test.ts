import { and, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, ssoAccounts, users, type User } from "@/db/schema";
import type { Db } from "@/db/client";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { signInWithSso } from "@/lib/auth/sso";
import { loadActor } from "@/lib/context/actor";
import { grantTenantAccess } from "@/lib/grants/grant-tenant-access";
import { createServiceAccount, serviceAccountSlug } from "@/lib/service-accounts/create-service-account";
import { createServiceAccountToken } from "@/lib/service-accounts/create-service-account-token";
import { getServiceAccount } from "@/lib/service-accounts/get-service-account";
import { listServiceAccounts } from "@/lib/service-accounts/list-service-accounts";
import { listGrantableUsers, listTenantAccess } from "@/lib/tenants/queries";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { setUserStatus } from "@/lib/users/set-user-status";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createTenant, createUser, trackUser, uniqueName } from "./helpers/factory";

const contextOf = async (db: Db, user: User) => ({ db, actor: await loadActor(db, user), ip: null });

describe("a service account's address", () => {
  it("is made from its name, and never empty", () => {
    expect(serviceAccountSlug("Deploy bot (prod)")).toBe("deploy-bot-prod");
    expect(serviceAccountSlug("  Café CI  ")).toBe("cafe-ci");
    expect(serviceAccountSlug("!!!")).toBe("service-account");
  });
});

describe.each(testDatabases())("service accounts on $kind", (target) => {
  const database = useDatabase(target);
  const make = async (ctx: Awaited<ReturnType<typeof contextOf>>, name: string, role?: User["role"]) => {
    const made = await createServiceAccount(ctx, { name, role: role ?? "user" });
    trackUser(made.id);
    return made;
  };

  it("is made by an administrator with a unique address, no password, audited", async () => {
    const { db } = database();
    const ctx = await contextOf(db, await createUser(db, { role: "admin" }));
    const name = uniqueName("Deploy");
    const first = await make(ctx, name);
    const second = await make(ctx, name);
    expect(first.email).toBe(`${serviceAccountSlug(name)}@service-accounts.enclave.internal`);
    expect(second.email).toBe(`${serviceAccountSlug(name)}-2@service-accounts.enclave.internal`);
    const [row] = await db.select().from(users).where(eq(users.id, first.id));
    expect(row).toMatchObject({ kind: "service", role: "user", status: "active", passwordHash: null, name });
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.target, first.email));
    expect(event).toMatchObject({ action: "service_account.created", actorId: ctx.actor.id });
    const listed = (await listServiceAccounts(db)).find((a) => a.id === first.id);
    expect(listed).toMatchObject({ liveTokens: 0, lastUsedAt: null, tenantCount: 0 });
  });

  it("acts through its tokens with its own grants, labelled as a service account where grants are given", async () => {
    const { db } = database();
    const admin = await createUser(db, { role: "admin" });
    const ctx = await contextOf(db, admin);
    const [account, tenant] = await Promise.all([make(ctx, uniqueName("pipeline")), createTenant(db)]);
    const { secret, token } = await createServiceAccountToken(ctx, {
      userId: account.id,
      name: "deploy",
      scope: "write",
      days: 30,
    });
    await grantTenantAccess(ctx, { tenant: tenant.name, userId: account.id, level: "write" });

    const actor = await authenticateToken(db, secret);
    expect(actor).toMatchObject({ id: account.id, token: { id: token.id, scope: "write" } });
    expect(actor!.grants.get(tenant.id)).toBe("write");
    expect((await listGrantableUsers(db, 10_000)).find((u) => u.id === account.id)?.kind).toBe("service");
    expect((await listTenantAccess(db, tenant.id)).map((m) => [m.userId, m.kind])).toEqual([[account.id, "service"]]);

    const detail = await getServiceAccount(db, account.id);
    expect(detail?.tokens.map((t) => [t.name, t.state])).toEqual([["deploy", "active"]]);
    expect(detail?.grants.map((g) => [g.tenant, g.level])).toEqual([[tenant.name, "write"]]);
    expect(await getServiceAccount(db, admin.id)).toBeNull();
    const [created] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "token.created"))
      .then((rows) => rows.filter((r) => r.details.tokenId === token.id));
    expect(created).toMatchObject({ actorId: admin.id, target: "deploy", details: { owner: account.email } });
  });

  it("gives no token to a person through it, nor to a disabled account, whose tokens stop until it is enabled", async () => {
    const { db } = database();
    const ctx = await contextOf(db, await createUser(db, { role: "admin" }));
    const person = await createUser(db);
    const input = { name: "ci", scope: "read" as const, days: 5 };
    await expect(createServiceAccountToken(ctx, { ...input, userId: person.id })).rejects.toThrow(
      "That service account does not exist.",
    );
    const account = await make(ctx, uniqueName("nightly"));
    const { secret } = await createServiceAccountToken(ctx, { ...input, userId: account.id });
    await setUserStatus(ctx, { userId: account.id, status: "disabled" });
    expect(await authenticateToken(db, secret)).toBeNull();
    await expect(createServiceAccountToken(ctx, { ...input, userId: account.id })).rejects.toThrow(/is disabled/);
    await setUserStatus(ctx, { userId: account.id, status: "active" });
    expect(await authenticateToken(db, secret)).not.toBeNull();
  });

  it("never signs in, with a password or through SSO, even if one was set on it", async () => {
    const { db } = database();
    const ctx = await contextOf(db, await createUser(db, { role: "admin" }));
    const account = await make(ctx, uniqueName("robot"));
    const password = "river lantern harbour beacon";
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, account.id));
    expect(await authenticateWithPassword(db, { email: account.email, password }, null)).toEqual({
      ok: false,
      reason: "invalid",
    });
    const identity = { issuer: "https://idp.test", subject: uniqueName("sub") };
    await db.insert(ssoAccounts).values({ userId: account.id, ...identity });
    const sso = await signInWithSso(db, {
      ...identity,
      email: account.email,
      emailVerified: true,
      name: null,
      groups: [],
    });
    expect(sso).toEqual({ ok: false, code: "sso_disabled" });
    const [row] = await db.select().from(users).where(eq(users.id, account.id));
    expect(row!.lastSignInAt).toBeNull();
  });

  it("does not count as another active administrator: the last person who administers cannot be disabled", async () => {
    const { db } = database();
    const rollback = new Error("rollback");
    // In a transaction rolled back at the end: the shared database keeps its other administrators.
    const refusal = await db
      .transaction(async (tx) => {
        const admin = await createUser(tx, { role: "admin" });
        const bot = await make(await contextOf(tx, admin), uniqueName("admin-bot"), "admin");
        await tx
          .update(users)
          .set({ role: "user" })
          .where(and(eq(users.role, "admin"), ne(users.id, bot.id), ne(users.id, admin.id)));
        // The service account's own token asks to disable the last person who can sign in as an admin.
        const [botRow] = await tx.select().from(users).where(eq(users.id, bot.id));
        const failed = await setUserStatus(await contextOf(tx, botRow!), { userId: admin.id, status: "disabled" }).then(
          () => null,
          (error: Error) => error.message,
        );
        throw Object.assign(rollback, { failed });
      })
      .catch((error: Error & { failed?: string | null }) => {
        if (error !== rollback) throw error;
        return error.failed;
      });
    expect(refusal).toMatch(/is the last active administrator and cannot be disabled/);
  });
});
