import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/context/actor";
import { loadActor } from "@/lib/context/actor";
import type { TenantPickerPage } from "@/lib/tenants/tenant-picker";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createInfrastructure, createTenant, createUser, grantAccess } from "./helpers/factory";

// The real route handler, policy check included; only the session and the app's database are stood in for.
const signedIn = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => signedIn.db }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => signedIn.actor }));
const { GET } = await import("@/app/api/tenants/route");

async function get(actor: Actor | null, query = "") {
  signedIn.actor = actor;
  const response = await GET(new Request(`http://localhost/api/tenants${query}`), {});
  return {
    status: response.status,
    cache: response.headers.get("cache-control"),
    body: (await response.json()) as TenantPickerPage & { error?: string },
  };
}

describe.each(testDatabases())("GET /api/tenants on $kind", (target) => {
  const database = useDatabase(target);
  const word = `r${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join("")}`;
  const names = (page: TenantPickerPage) => page.results.map((t) => t.name);
  let a: string, b: string, lapsed: string;
  let actors: { reader: Actor; admin: Actor; none: Actor };

  beforeAll(async () => {
    const { db } = database();
    signedIn.db = db satisfies Db;
    const { id: infrastructureId } = await createInfrastructure(db);
    const [ta, tb, tc] = await Promise.all(
      ["a", "b", "c"].map((s) => createTenant(db, { infrastructureId, name: `${word}-${s}` })),
    );
    [a, b, lapsed] = [ta!.name, tb!.name, tc!.name];
    const [reader, admin, none] = await Promise.all([
      createUser(db),
      createUser(db, { role: "admin" }),
      createUser(db),
    ]);
    await grantAccess(db, reader.id, ta!.id, "read");
    await grantAccess(db, reader.id, tc!.id, "write", new Date(Date.now() - 1_000));
    actors = {
      reader: await loadActor(db, reader),
      admin: await loadActor(db, admin),
      none: await loadActor(db, none),
    };
  });

  it("asks the anonymous to sign in", async () => {
    expect(await get(null)).toMatchObject({ status: 401, body: { error: "Sign in first." } });
  });

  it("answers a user with a grant on A with A alone: never a foreign tenant, nor one whose grant expired", async () => {
    for (const query of ["", `?q=${word}`, `?q=${word}-b`, `?q=${word}&cursor=${word}`]) {
      const { status, body, cache } = await get(actors.reader, query);
      expect([status, cache], query).toEqual([200, "no-store"]);
      const all = [...names(body), ...body.favorites.map((t) => t.name), ...body.recent.map((t) => t.name)];
      expect(all).not.toContain(b);
      expect(all).not.toContain(lapsed);
    }
    expect(names((await get(actors.reader, `?q=${word}`)).body)).toEqual([a]);
    expect(names((await get(actors.none, `?q=${word}`)).body)).toEqual([]);
  });

  it("answers an admin with every tenant, a page at a time", async () => {
    const first = (await get(actors.admin, `?q=${word}&limit=2`)).body;
    expect(names(first)).toEqual([a, b]);
    expect(first.nextCursor).toBe(b);
    const second = (await get(actors.admin, `?q=${word}&limit=2&cursor=${first.nextCursor}`)).body;
    expect([names(second), second.nextCursor]).toEqual([[lapsed], null]);
  });

  it("refuses a query it cannot read, saying why", async () => {
    expect(await get(actors.admin, "?limit=500")).toMatchObject({
      status: 400,
      body: { error: "The limit is 1 to 50." },
    });
    expect(await get(actors.admin, "?cursor=%25")).toMatchObject({ status: 400, body: { error: "Invalid cursor." } });
  });
});
