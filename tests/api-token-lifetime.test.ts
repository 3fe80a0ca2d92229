import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiTokens } from "@/db/schema";
import { createApiToken } from "@/lib/tokens/create-token";
import { testDatabases, useDatabase } from "./helpers/databases";
import { createUser } from "./helpers/factory";

// The real door and GET /api/v1/me; the e2e matrix ends a token this way only on PostgreSQL.
const app = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => app.db }));
const { GET } = await import("@/app/api/v1/me/route");

describe.each(testDatabases())("a token's lifetime at the /api/v1 door on $kind", (target) => {
  const database = useDatabase(target);
  beforeAll(() => {
    app.db = database().db;
  });

  it("refuses a token from the request after it expires, in the API's error shape", async () => {
    const { db } = database();
    const owner = await createUser(db);
    const { secret, token } = await createApiToken(
      db,
      owner.id,
      { name: "ci", scope: "write", days: 1 },
      { createdBy: null, ip: null },
    );
    const me = () =>
      GET(new Request("http://localhost/api/v1/me", { headers: { authorization: `Bearer ${secret}` } }), {});
    expect((await me()).status).toBe(200);
    await db
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(apiTokens.id, token.id));
    const refused = await me();
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: { code: "unauthenticated", message: "This access token is unknown, revoked or expired.", field: null },
    });
  });
});
