import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rateLimits } from "@/db/schema";
import { consumeOrWait, deleteExpiredRateLimits, sharedLimiter } from "@/lib/rate-limit/shared-limiter";
import { createApiToken } from "@/lib/tokens/create-token";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createUser } from "./helpers/factory";

// The real /api/v1 door and GET /api/v1/me with a budget of 3 requests a minute per token.
const app = vi.hoisted(() => {
  process.env.ENCLAVE_API_RATE_LIMIT = "3";
  return { db: null as unknown };
});
vi.mock("@/db", () => ({ getDb: async () => app.db }));
const { GET } = await import("@/app/api/v1/me/route");
afterAll(() => {
  delete process.env.ENCLAVE_API_RATE_LIMIT;
});

describe.each(testDatabases())("rate limits on $kind", (target) => {
  const database = useDatabase(target);
  // Keys of their own: the PostgreSQL database is shared with other runs.
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  beforeAll(() => {
    app.db = database().db;
  });
  afterAll(async () => {
    await database()
      .db.delete(rateLimits)
      .where(like(rateLimits.key, `${prefix}%`));
  });

  it("shares one budget between two replicas' limiters over the same database", async () => {
    const options = { keyPrefix: prefix, points: 5, duration: 60 };
    const [one, two] = [sharedLimiter(database().db, options), sharedLimiter(database().db, options)];
    for (let i = 0; i < 3; i++) expect(await consumeOrWait(one, "token-a")).toBe(0);
    for (let i = 0; i < 2; i++) expect(await consumeOrWait(two, "token-a")).toBe(0);
    const wait = await consumeOrWait(two, "token-a");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await consumeOrWait(one, "token-a")).toBeGreaterThan(0);
    // Another key has its own budget.
    expect(await consumeOrWait(one, "token-b")).toBe(0);
  });

  it("lets exactly the budget through when requests arrive at once", async () => {
    const limiter = sharedLimiter(database().db, { keyPrefix: `${prefix}-burst`, points: 4, duration: 60 });
    const waits = await Promise.all(Array.from({ length: 10 }, () => consumeOrWait(limiter, "token")));
    expect(waits.filter((w) => w === 0)).toHaveLength(4);
  });

  it("answers a token over its budget 429 with Retry-After in seconds, and other tokens go on", async () => {
    const { db } = database();
    const owner = await createUser(db);
    const token = async () =>
      (await createApiToken(db, owner.id, { name: "ci", scope: "read", days: 1 }, { createdBy: null, ip: null }))
        .secret;
    const [busy, calm] = [await token(), await token()];
    const me = (secret: string) =>
      GET(new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${secret}` } }), {});
    for (let i = 0; i < 3; i++) expect((await me(busy)).status).toBe(200);
    const refused = await me(busy);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(await refused.json()).toMatchObject({ error: { code: "rate_limited", field: null } });
    expect((await me(calm)).status).toBe(200);
  });

  it("sweeps windows that have ended and keeps the running ones", async () => {
    const { db } = database();
    await db.insert(rateLimits).values([
      { key: `${prefix}:ended`, points: 3, expire: Date.now() - 1000 },
      { key: `${prefix}:running`, points: 3, expire: Date.now() + 60_000 },
    ]);
    await deleteExpiredRateLimits(db);
    const left = await db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(like(rateLimits.key, `${prefix}:%`));
    expect(left.map((r) => r.key)).toContain(`${prefix}:running`);
    expect(left.map((r) => r.key)).not.toContain(`${prefix}:ended`);
  });
});
