import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents } from "@/db/schema";
import { testDatabases, useDatabase } from "./helpers/databases";
import { callApi, tokenFor } from "./helpers/call-api";
import { createTenant, createUser, uniqueName } from "./helpers/factory";

const app = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
const audit = await import("@/app/api/v1/audit/route");
const grant = await import("@/app/api/v1/tenants/[tenant]/grants/[user]/route");

describe.each(testDatabases())("/api/v1/audit on $kind", (target) => {
  const database = useDatabase(target);
  let auditor: string;
  let user: string;

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    auditor = await tokenFor(db, (await createUser(db, { role: "auditor" })).id, "read");
    user = await tokenFor(db, (await createUser(db)).id);
  });

  const read = (query: string, secret = auditor) => callApi(audit.GET, { path: `/api/v1/audit?${query}`, secret });

  it("names the actor and the token behind a change made through the API, filtered by tenant and action", async () => {
    const { db } = database();
    const admin = await createUser(db, { role: "admin" });
    const secret = await tokenFor(db, admin.id);
    const { name: tenant } = await createTenant(db);
    const someone = await createUser(db);
    const path = `/api/v1/tenants/${tenant}/grants/${someone.id}`;
    await callApi(grant.PUT, {
      path,
      method: "PUT",
      secret,
      params: { tenant, user: someone.id },
      body: { level: "read" },
    });
    const page = await read(`tenant=${tenant}&action=grant.`);
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual([
      {
        id: expect.any(Number),
        at: expect.stringMatching(/Z$/),
        action: "grant.set",
        tenant,
        target: someone.email,
        details: { level: "read", expiresAt: null },
        ip: null,
        actor: { id: admin.id, name: admin.name, email: admin.email, kind: "person" },
        token: { id: expect.any(String), name: "test-write" },
      },
    ]);
    expect(page.body.nextCursor).toBeNull();
  });

  it("pages newest first by (at, id) without repeating or skipping when events are logged between pages", async () => {
    const { db } = database();
    const action = `${uniqueName("test")}.`;
    const at = new Date(Date.now() - 60_000);
    // Several events in one instant: the id must break the tie for the cursor to hold.
    const rows = await db
      .insert(auditEvents)
      .values([1, 2, 3, 4, 5].map((n) => ({ actorId: null, action: `${action}${n}`, at: n < 4 ? at : new Date() })))
      .returning({ id: auditEvents.id });
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await read(`action=${action}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((e: { id: number }) => e.id));
      cursor = page.body.nextCursor;
      if (++pages === 1) await db.insert(auditEvents).values({ actorId: null, action: `${action}later` });
    } while (cursor);
    const ids = rows.map((r) => r.id);
    expect(seen).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);
  });

  it("is for administrators and auditors: a user's token gets 404, a forged cursor 400", async () => {
    expect((await read("", user)).status).toBe(404);
    expect((await read("cursor=eyJhdCI6IngiLCJpZCI6MX0")).body.error).toMatchObject({ field: "query.cursor" });
  });
});
