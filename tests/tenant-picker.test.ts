import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, favoriteTenants, tenantGrants, tenantVisits, type Tenant } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/context/actor";
import { recordTenantVisit } from "@/lib/tenants/record-tenant-visit";
import { setTenantFavorite } from "@/lib/tenants/set-tenant-favorite";
import { pickerQuery, recentLimit, tenantPickerPage, type PickerQuery } from "@/lib/tenants/tenant-picker";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createInfrastructure, createTenant, createUser, grantAccess } from "./helpers/factory";

// Letters only, unique per call: a run's tenants share it so that a search finds them and no one else's.
const runWord = () => `q${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join("")}`;
const query = (q: Partial<PickerQuery> = {}): PickerQuery => pickerQuery.parse(q);
const names = (list: { name: string }[]) => list.map((t) => t.name);

describe("picker query", () => {
  it("trims and lowercases the search, and bounds the page size", () => {
    expect(pickerQuery.parse({ q: "  Dev ", limit: "5" })).toEqual({ q: "dev", limit: 5 });
    expect(pickerQuery.parse({})).toEqual({ q: "", limit: 20 });
    expect(pickerQuery.safeParse({ limit: "51" }).error?.issues[0]?.message).toBe("The limit is 1 to 50.");
    expect(pickerQuery.safeParse({ limit: "many" }).success).toBe(false);
    expect(pickerQuery.safeParse({ cursor: "not a name" }).error?.issues[0]?.message).toBe("Invalid cursor.");
  });
});

describe.each(testDatabases())("tenant picker on $kind", (target) => {
  const database = useDatabase(target);

  /** Tenants named <word>-<suffix>, in one infrastructure. */
  async function tenantsNamed(db: Db, word: string, suffixes: string[]): Promise<Tenant[]> {
    const infrastructure = await createInfrastructure(db);
    const made: Tenant[] = [];
    for (const suffix of suffixes)
      made.push(await createTenant(db, { infrastructureId: infrastructure.id, name: `${word}-${suffix}` }));
    return made;
  }
  const actorFor = async (db: Db, role: "admin" | "auditor" | "user" = "user") =>
    loadActor(db, await createUser(db, { role }));
  const ctxOf = (db: Db, actor: Actor) => ({ db, actor, ip: "203.0.113.7" });

  it("shows a user only the tenants granted to them, and none whose grant expired", async () => {
    const { db } = database();
    const word = runWord();
    const [a, b, expired] = await tenantsNamed(db, word, ["a", "b", "c"]);
    const user = await createUser(db);
    await grantAccess(db, user.id, a!.id, "read");
    await grantAccess(db, user.id, expired!.id, "write", new Date(Date.now() - 60_000));
    const actor = await loadActor(db, user);

    for (const q of ["", word, `${word}-`, word.slice(0, 2)]) {
      const page = await tenantPickerPage(db, actor, query({ q }));
      expect(
        names(page.results).filter((n) => n.startsWith(word)),
        q,
      ).toEqual([a!.name]);
      expect(names(page.results)).not.toContain(b!.name);
      expect(names(page.results)).not.toContain(expired!.name);
    }
    expect((await tenantPickerPage(db, await actorFor(db), query())).results).toEqual([]);
  });

  it("shows an admin and an auditor every live tenant, and nobody a deleted one", async () => {
    const { db } = database();
    const word = runWord();
    const live = await tenantsNamed(db, word, ["a", "b"]);
    await createTenant(db, { infrastructureId: live[0]!.infrastructureId, name: `${word}-gone`, status: "deleted" });
    for (const role of ["admin", "auditor"] as const) {
      const page = await tenantPickerPage(db, await actorFor(db, role), query({ q: word }));
      expect(names(page.results)).toEqual(names(live));
    }
  });

  it("pages through the matches by name, with a cursor, to the end", async () => {
    const { db } = database();
    const word = runWord();
    const made = await tenantsNamed(db, word, ["e", "a", "d", "b", "c"]);
    const admin = await actorFor(db, "admin");
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await tenantPickerPage(db, admin, query({ q: word, limit: 2, cursor }));
      seen.push(...names(page.results));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(names(made).sort());
    expect(pages).toBe(3);
  });

  it("matches the start of a name for one or two characters and any part of it for more, % and _ literally", async () => {
    const { db } = database();
    const word = runWord();
    const [start, middle] = await tenantsNamed(db, word, ["alpha", "x-alpha"]);
    await createTenant(db, { infrastructureId: start!.infrastructureId, name: `${word}-x-al9ha` });
    const admin = await actorFor(db, "admin");
    const search = async (q: string) =>
      names((await tenantPickerPage(db, admin, query({ q, limit: 50 }))).results).filter((n) => n.startsWith(word));

    expect(await search(`${word}-ALPHA`)).toEqual([start!.name]);
    expect(await search("alpha")).toEqual(expect.arrayContaining([start!.name, middle!.name]));
    expect(await search(`${word}-x-al_ha`)).toEqual([]);
    expect(await search(`${word}%alpha`)).toEqual([]);
    const twoLetters = names((await tenantPickerPage(db, admin, query({ q: word.slice(0, 2), limit: 50 }))).results);
    expect(twoLetters.every((n) => n.startsWith(word.slice(0, 2)))).toBe(true);
  });

  it("opens with the user's favourites, then their latest visits that are not favourites", async () => {
    const { db } = database();
    const word = runWord();
    const made = await tenantsNamed(db, word, ["a", "b", "c", "d", "e", "f", "g", "h"]);
    const user = await createUser(db);
    for (const t of made) await grantAccess(db, user.id, t.id, "read");
    const actor = await loadActor(db, user);
    for (const [i, t] of made.entries()) {
      await recordTenantVisit(db, user.id, t.id);
      await db
        .update(tenantVisits)
        .set({ visitedAt: new Date(Date.now() - (made.length - i) * 60_000) })
        .where(and(eq(tenantVisits.userId, user.id), eq(tenantVisits.tenantId, t.id)));
    }
    await setTenantFavorite({ ...ctxOf(db, actor), tenant: made[7]! }, true);
    await setTenantFavorite({ ...ctxOf(db, actor), tenant: made[0]! }, true);

    const page = await tenantPickerPage(db, actor, query());
    expect(names(page.favorites)).toEqual([made[0]!.name, made[7]!.name]);
    expect(page.favorites.every((t) => t.favorite)).toBe(true);
    expect(names(page.recent)).toEqual([6, 5, 4, 3, 2].map((i) => made[i]!.name));
    expect(page.recent).toHaveLength(recentLimit);
    expect(page.results.find((t) => t.name === made[0]!.name)?.favorite).toBe(true);
    expect(page.results.find((t) => t.name === made[1]!.name)?.favorite).toBe(false);

    const searching = await tenantPickerPage(db, actor, query({ q: word }));
    expect([searching.favorites, searching.recent]).toEqual([[], []]);
  });

  it("moves a visit forward at most every 10 s, in one row per user and tenant", async () => {
    const { db } = database();
    const [tenant] = await tenantsNamed(db, runWord(), ["a"]);
    const user = await createUser(db);
    const visits = () => db.select().from(tenantVisits).where(eq(tenantVisits.userId, user.id));
    await recordTenantVisit(db, user.id, tenant!.id);
    const [first] = await visits();
    await recordTenantVisit(db, user.id, tenant!.id);
    expect(await visits()).toEqual([first]);
    const earlier = new Date(Date.now() - 5 * 60_000);
    await db.update(tenantVisits).set({ visitedAt: earlier }).where(eq(tenantVisits.userId, user.id));
    await recordTenantVisit(db, user.id, tenant!.id);
    const [moved] = await visits();
    expect(moved!.visitedAt.getTime()).toBeGreaterThan(earlier.getTime());
  });

  it("hides shortcuts to a tenant once its grant is gone", async () => {
    const { db } = database();
    const [kept, revoked] = await tenantsNamed(db, runWord(), ["a", "b"]);
    const user = await createUser(db);
    await grantAccess(db, user.id, kept!.id, "read");
    await grantAccess(db, user.id, revoked!.id, "read");
    const before = await loadActor(db, user);
    for (const t of [kept!, revoked!]) {
      await recordTenantVisit(db, user.id, t.id);
      await setTenantFavorite({ ...ctxOf(db, before), tenant: t }, true);
    }
    await db.delete(tenantGrants).where(and(eq(tenantGrants.userId, user.id), eq(tenantGrants.tenantId, revoked!.id)));

    const page = await tenantPickerPage(db, await loadActor(db, user), query());
    expect(names([...page.favorites, ...page.recent, ...page.results])).toEqual([kept!.name, kept!.name]);
  });

  it("stars and unstars a tenant, auditing each change once", async () => {
    const { db } = database();
    const [tenant] = await tenantsNamed(db, runWord(), ["a"]);
    const actor = await actorFor(db, "auditor");
    const ctx = ctxOf(db, actor);
    expect(await setTenantFavorite({ ...ctx, tenant: tenant! }, true)).toEqual({ favorite: true });
    await setTenantFavorite({ ...ctx, tenant: tenant! }, true);
    const stars = () => db.select().from(favoriteTenants).where(eq(favoriteTenants.tenantId, tenant!.id));
    expect((await stars()).map((s) => s.userId)).toEqual([actor.id]);
    await setTenantFavorite({ ...ctx, tenant: tenant! }, false);
    await setTenantFavorite({ ...ctx, tenant: tenant! }, false);
    expect(await stars()).toEqual([]);

    const audit = await db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.tenantId, [tenant!.id]))
      .orderBy(auditEvents.id);
    expect(audit.map((e) => [e.action, e.target, e.actorId, e.ip])).toEqual([
      ["tenant.favorite", tenant!.name, actor.id, "203.0.113.7"],
      ["tenant.unfavorite", tenant!.name, actor.id, "203.0.113.7"],
    ]);
  });
});
