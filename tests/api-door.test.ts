import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiTokens, users } from "@/db/schema";
import { createApiToken } from "@/lib/tokens/create-token";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createUser } from "./helpers/factory";

// The real /api/v1 door and route; only the app's database is stood in for.
const app = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
const { GET } = await import("@/app/api/v1/me/route");

async function me(authorization?: string) {
  const headers = authorization ? { authorization } : undefined;
  const response = await GET(new Request("http://localhost/api/v1/me", { headers }), {});
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(testDatabases())("the /api/v1 door on $kind", (target) => {
  const database = useDatabase(target);
  let secret: string;
  let ownerId: string;

  beforeAll(async () => {
    const { db } = database();
    app.db = db;
    const owner = await createUser(db, { role: "auditor" });
    ownerId = owner.id;
    ({ secret } = await createApiToken(
      db,
      owner.id,
      { name: "ci", scope: "read", days: 30 },
      { createdBy: owner.id, ip: null },
    ));
  });

  it("answers a request without a token, or with a made-up one, 401 in the API's error shape", async () => {
    expect(await me()).toMatchObject({ status: 401, body: { error: { code: "unauthenticated", field: null } } });
    const madeUp = `Bearer enc_${"x".repeat(43)}`;
    expect((await me(madeUp)).status).toBe(401);
  });

  it("names the token's owner and the token, and stores only the secret's hash", async () => {
    const { status, body } = await me(`Bearer ${secret}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: ownerId, role: "auditor", token: { name: "ci", scope: "read" } });
    const stored = await database().db.select().from(apiTokens).where(eq(apiTokens.userId, ownerId));
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored[0]!.lastUsedAt).not.toBeNull();
  });

  it("refuses the token on the next request once its owner is disabled, and once it is revoked", async () => {
    const { db } = database();
    await db.update(users).set({ status: "disabled" }).where(eq(users.id, ownerId));
    expect((await me(`Bearer ${secret}`)).status).toBe(401);
    await db.update(users).set({ status: "active" }).where(eq(users.id, ownerId));
    expect((await me(`Bearer ${secret}`)).status).toBe(200);
    await db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.userId, ownerId));
    expect((await me(`Bearer ${secret}`)).status).toBe(401);
  });
});
