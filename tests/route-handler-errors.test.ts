import { describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/context/actor";
import { InvalidCursorError } from "@/lib/cloud/contract";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { CloudTelemetryError } from "@/lib/telemetry/tenant-telemetry";

// The real wrapper and policy check; the session stands in, and a signed-in route needs no database.
vi.mock("@/db", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/auth/session", () => ({
  getActor: async (): Promise<Actor> => ({
    id: "u1",
    email: "a@example.test",
    name: "A",
    role: "user",
    grants: new Map(),
  }),
}));
const { routeHandler } = await import("@/lib/api/route-handler");

async function answer(thrown: unknown) {
  const GET = routeHandler("/api/me", async () => {
    throw thrown;
  });
  const response = await GET(new Request("http://localhost/api/me"), {});
  return { status: response.status, cache: response.headers.get("cache-control"), body: await response.json() };
}

describe("routeHandler", () => {
  it.each([
    [new NotFoundError(), 404, "Not found."],
    [new ConflictError("Already there."), 409, "Already there."],
    [new InvalidInputError("Give a month."), 400, "Give a month."],
    [
      new CloudTelemetryError("The cloud's logs could not be read: throttled"),
      502,
      "The cloud's logs could not be read: throttled",
    ],
    [new InvalidCursorError(), 400, "Invalid log query: cursor: not a cursor from this API."],
  ])("answers %o as JSON with its status and message", async (error, status, message) => {
    expect(await answer(error)).toEqual({ status, cache: "no-store", body: { error: message } });
  });

  it("answers anything else with a plain 500, never its message", async () => {
    const { status, body } = await answer(new Error("relation secrets at /srv/app/lib/db.ts:12"));
    expect(status).toBe(500);
    expect(body).toEqual({ error: "Something went wrong. Try again." });
  });

  it("passes the request's address and database to the handler", async () => {
    const GET = routeHandler("/api/me", async (_request, { ip, actor }) => Response.json({ ip, actor: actor.id }));
    const response = await GET(
      new Request("http://localhost/api/me", { headers: { "x-forwarded-for": "10.0.0.9, 10.0.0.1" } }),
      {},
    );
    expect(await response.json()).toEqual({ ip: "10.0.0.9", actor: "u1" });
  });
});
