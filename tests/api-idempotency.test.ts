import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, idempotencyKeys } from "@/db/schema";
import { defineApiRoute } from "@/lib/api/v1/define-route";
import { deleteExpiredIdempotencyKeys } from "@/lib/api/v1/idempotency";
import { recordAudit, auditActor } from "@/lib/audit/record";
import { createApiToken } from "@/lib/tokens/create-token";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createUser } from "./helpers/factory";

// The real door with a route made here: each run writes one audit event named by the body, so the
// test counts effects in the database. Only the app's database is stood in for.
const app = vi.hoisted(() => ({ db: null as unknown, fail: false, gate: null as Promise<void> | null }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
const { serveApi } = await import("@/lib/api/v1/serve-api");

const action = "test.idempotent_write";
const recordNote = serveApi(
  defineApiRoute({
    operation: "POST /api/v1/tenants",
    tag: "Tests",
    summary: "Records a note",
    body: z.object({ note: z.string(), size: z.number().optional() }),
    response: z.object({ note: z.string(), at: z.string() }),
    status: 201,
    async handle(ctx, { body }) {
      if (app.gate) await app.gate;
      if (app.fail) throw new Error("the service fell over");
      await recordAudit(ctx.db, { ...auditActor(ctx.actor), action, target: body.note, ip: ctx.ip });
      return { note: body.note, at: new Date().toISOString() };
    },
  }) as never,
);

describe.each(testDatabases())("Idempotency-Key through the /api/v1 door on $kind", (target) => {
  const database = useDatabase(target);
  let secret: string;
  let tokenId: string;

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    const admin = await createUser(db, { role: "admin" });
    const made = await createApiToken(
      db,
      admin.id,
      { name: "ci", scope: "write", days: 1 },
      { createdBy: null, ip: null },
    );
    ({ secret } = made);
    tokenId = made.token.id;
  });
  beforeEach(() => {
    app.fail = false;
    app.gate = null;
  });

  async function post(body: string, key?: string) {
    const headers: Record<string, string> = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
    if (key !== undefined) headers["idempotency-key"] = key;
    const response = await recordNote(
      new Request("http://localhost/api/v1/tenants", { method: "POST", headers, body }),
      {},
    );
    return {
      status: response.status,
      replayed: response.headers.get("idempotent-replayed"),
      cache: response.headers.get("cache-control"),
      body: (await response.json()) as Record<string, unknown>,
    };
  }
  async function effects(note: string) {
    const [row] = await database()
      .db.select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.target, note)));
    return row!.n;
  }

  it("answers a replay with the first status and body, marked idempotent-replayed, and does the work once", async () => {
    const note = randomUUID();
    const key = randomUUID();
    const first = await post(JSON.stringify({ note, size: 1 }), key);
    expect(first).toMatchObject({ status: 201, replayed: null, cache: "no-store", body: { note } });
    // The same request in another spelling (key order, spacing) is the same request.
    const again = await post(`{ "size": 1,  "note": "${note}" }`, key);
    expect(again).toEqual({ ...first, replayed: "true" });
    expect(await effects(note)).toBe(1);
  });

  it("answers the same key with another body 422, and does nothing", async () => {
    const note = randomUUID();
    const key = randomUUID();
    expect((await post(JSON.stringify({ note }), key)).status).toBe(201);
    const other = await post(JSON.stringify({ note: `${note}-other` }), key);
    expect(other).toMatchObject({
      status: 422,
      body: { error: { code: "idempotency_mismatch", field: "Idempotency-Key" } },
    });
    expect(await effects(`${note}-other`)).toBe(0);
  });

  it("runs N concurrent requests with one key exactly once: the others answer 409 while it runs", async () => {
    const note = randomUUID();
    const key = randomUUID();
    let release!: () => void;
    app.gate = new Promise((resolve) => (release = resolve));
    const n = 6;
    const settled: Awaited<ReturnType<typeof post>>[] = [];
    let othersDone!: () => void;
    const others = new Promise<void>((resolve) => (othersDone = resolve));
    const requests = Array.from({ length: n }, () =>
      post(JSON.stringify({ note }), key).then((answer) => {
        settled.push(answer);
        if (settled.length === n - 1) othersDone();
        return answer;
      }),
    );
    // One request holds the key inside the service; every other one has been answered meanwhile.
    await others;
    expect(settled.map((a) => a.status)).toEqual(Array(n - 1).fill(409));
    expect(settled[0]!.body).toMatchObject({ error: { code: "idempotency_in_progress" } });
    release();
    const answers = await Promise.all(requests);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(await effects(note)).toBe(1);
    expect(await post(JSON.stringify({ note }), key)).toMatchObject({ status: 201, replayed: "true" });
  });

  it("without a gate too, concurrent twins make one effect and answer 201, replays or 409", async () => {
    const note = randomUUID();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(JSON.stringify({ note }), key)));
    expect(answers.filter((a) => a.status === 201 && a.replayed === null)).toHaveLength(1);
    expect(answers.every((a) => a.status === 409 || a.status === 201)).toBe(true);
    expect(await effects(note)).toBe(1);
  });

  it("frees the key when the first request fails with a server error, so a retry runs", async () => {
    const note = randomUUID();
    const key = randomUUID();
    app.fail = true;
    expect(await post(JSON.stringify({ note }), key)).toMatchObject({
      status: 500,
      body: { error: { code: "internal" } },
    });
    app.fail = false;
    expect(await post(JSON.stringify({ note }), key)).toMatchObject({ status: 201, replayed: null });
    expect(await effects(note)).toBe(1);
  });

  it("runs every request without a key, and refuses a malformed key", async () => {
    const note = randomUUID();
    await post(JSON.stringify({ note }));
    await post(JSON.stringify({ note }));
    expect(await effects(note)).toBe(2);
    expect(await post(JSON.stringify({ note }), "has spaces in it")).toMatchObject({
      status: 400,
      body: { error: { field: "Idempotency-Key" } },
    });
    expect(await effects(note)).toBe(2);
  });

  it("frees a key whose request never finished after a minute, and sweeps keys older than a day", async () => {
    const { db } = database();
    const note = randomUUID();
    const [abandoned, old, fresh] = [randomUUID(), randomUUID(), randomUUID()];
    await db.insert(idempotencyKeys).values([
      { tokenId, key: abandoned, fingerprint: "x", createdAt: sql`now() - interval '2 minutes'` as never },
      {
        tokenId,
        key: old,
        fingerprint: "x",
        status: 201,
        body: {},
        createdAt: sql`now() - interval '25 hours'` as never,
      },
      { tokenId, key: fresh, fingerprint: "x", status: 201, body: {} },
    ]);
    expect(await post(JSON.stringify({ note }), abandoned)).toMatchObject({ status: 201, replayed: null });
    await deleteExpiredIdempotencyKeys(db);
    const left = await db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.tokenId, tokenId));
    const keys = left.map((r) => r.key);
    expect(keys).toContain(fresh);
    expect(keys).toContain(abandoned);
    expect(keys).not.toContain(old);
  });
});
