import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { apiTokens, auditEvents } from "@/db/schema";
import { loadActor } from "@/lib/context/actor";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { createOwnToken } from "@/lib/tokens/create-own-token";
import { listAllTokens } from "@/lib/tokens/list-all-tokens";
import { listTokensOf } from "@/lib/tokens/list-tokens";
import { revokeAnyToken, revokeOwnToken } from "@/lib/tokens/revoke-token";
import { tokenInput } from "@/lib/tokens/token-input";
import type { Db } from "@/db/client";
import type { User } from "@/db/schema";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createUser, uniqueName } from "./helpers/factory";

const contextOf = async (db: Db, user: User) => ({ db, actor: await loadActor(db, user), ip: "198.51.100.7" });

describe("a token's input", () => {
  it("says what to fix: a name, read or write, and one day to a year", () => {
    const problem = (input: object) => tokenInput.safeParse(input).error?.issues[0]?.message;
    expect(problem({ name: " ", days: 30 })).toBe("Give the token a name, so you know later what uses it.");
    expect(problem({ name: "ci", scope: "admin", days: 30 })).toBe("Choose read or write as the token's scope.");
    expect(problem({ name: "ci", days: 367 })).toBe("A token lives at most a year (366 days).");
    expect(problem({ name: "ci", days: 0 })).toBe("A token lives at least one day.");
    expect(tokenInput.parse({ name: "ci", days: "366" })).toEqual({ name: "ci", scope: "read", days: 366 });
  });
});

describe.each(testDatabases())("personal access tokens on $kind", (target) => {
  const database = useDatabase(target);

  it("lists a user's own tokens with their state and last use, never the secret or its hash", async () => {
    const { db } = database();
    const owner = await createUser(db);
    const ctx = await contextOf(db, owner);
    const { secret, token } = await createOwnToken(ctx, { name: "deploy", scope: "write", days: 30 });
    await createOwnToken(ctx, { name: "report", scope: "read", days: 1 });
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.name, "report"));
    expect(await authenticateToken(db, secret)).toMatchObject({ id: owner.id, token: { id: token.id } });

    const listed = await listTokensOf(db, owner.id);
    expect(listed.map((t) => [t.name, t.scope, t.state])).toEqual([
      ["report", "read", "expired"],
      ["deploy", "write", "active"],
    ]);
    expect(listed[1]!.lastUsedAt).not.toBeNull();
    expect(listed[1]!.prefix).toBe(secret.slice(0, 10));
    expect(JSON.stringify(listed)).not.toContain(secret.slice(10));
    expect(Object.keys(listed[0]!)).not.toContain("secretHash");
  });

  it("revokes an own token at once, audited with who did it, and a second revoke changes nothing", async () => {
    const { db } = database();
    const owner = await createUser(db);
    const ctx = await contextOf(db, owner);
    const { secret, token } = await createOwnToken(ctx, { name: uniqueName("ci"), scope: "read", days: 30 });

    expect(await revokeOwnToken(ctx, { tokenId: token.id })).toEqual({ name: token.name, alreadyRevoked: false });
    expect(await authenticateToken(db, secret)).toBeNull();
    expect((await listTokensOf(db, owner.id))[0]!.state).toBe("revoked");
    expect(await revokeOwnToken(ctx, { tokenId: token.id })).toEqual({ name: token.name, alreadyRevoked: true });

    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "token.revoked"), eq(auditEvents.target, token.name)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: owner.id, ip: "198.51.100.7", tokenId: null });
    expect(events[0]!.details).toMatchObject({ tokenId: token.id, ownerId: owner.id, owner: owner.email });
  });

  it("answers another user's token like a missing one, and leaves it working", async () => {
    const { db } = database();
    const [owner, other] = await Promise.all([createUser(db), createUser(db)]);
    const { secret, token } = await createOwnToken(await contextOf(db, owner), { name: "ci", scope: "read", days: 3 });
    const otherCtx = await contextOf(db, other);
    await expect(revokeOwnToken(otherCtx, { tokenId: token.id })).rejects.toThrow("That token does not exist.");
    await expect(revokeOwnToken(otherCtx, { tokenId: crypto.randomUUID() })).rejects.toThrow(
      "That token does not exist.",
    );
    expect(await listTokensOf(db, other.id)).toEqual([]);
    expect(await authenticateToken(db, secret)).not.toBeNull();
  });

  it("lets an administrator list every token with its owner, page by page, and revoke any", async () => {
    const { db } = database();
    const [owner, admin] = await Promise.all([createUser(db), createUser(db, { role: "admin" })]);
    const name = uniqueName("listed");
    const { secret, token } = await createOwnToken(await contextOf(db, owner), { name, scope: "write", days: 9 });

    const found = await listAllTokens(db, { q: name });
    expect(found.total).toBe(1);
    expect(found.rows[0]).toMatchObject({ id: token.id, state: "active", owner: { id: owner.id, kind: "person" } });
    expect((await listAllTokens(db, { q: owner.email.toUpperCase() })).total).toBe(1);
    expect((await listAllTokens(db, { q: name, state: "revoked" })).total).toBe(0);
    expect((await listAllTokens(db, { q: "%" })).total).toBe(0);
    const farPage = await listAllTokens(db, { q: name, page: "99" });
    expect(farPage.page).toBe(1);

    await revokeAnyToken(await contextOf(db, admin), { tokenId: token.id });
    expect(await authenticateToken(db, secret)).toBeNull();
    expect((await listAllTokens(db, { q: name, state: "revoked" })).rows.map((r) => r.id)).toEqual([token.id]);
  });
});
