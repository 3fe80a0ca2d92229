import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { GET as health } from "@/app/api/health/route";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";

// db/index.ts keeps the process's database here; the probes read it like every route does.
const processDatabase = globalThis as unknown as { __enclaveDb?: Promise<Database> };

let migrated: Database;
beforeAll(async () => {
  migrated = await openDatabase({ memory: true });
  await migrateDatabase(migrated);
});
afterAll(() => migrated.close());
afterEach(() => {
  processDatabase.__enclaveDb = undefined;
});

describe("health probes", () => {
  it("liveness answers 200 without touching the database", async () => {
    // A database that never answers: a probe that waited on it would time out here.
    processDatabase.__enclaveDb = new Promise(() => {});
    const response = live();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", uptimeSeconds: expect.any(Number) });
  });

  it("readiness answers 200 with the database kind and migration count when migrations are current", async () => {
    processDatabase.__enclaveDb = Promise.resolve(migrated);
    const response = await ready();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toEqual({
      status: "ok",
      database: "pglite",
      migrations: { applied: expect.any(Number), expected: expect.any(Number) },
    });
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });

  it("readiness answers 503 with a one-line reason when the schema is not migrated", async () => {
    const empty = await openDatabase({ memory: true });
    processDatabase.__enclaveDb = Promise.resolve(empty);
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.status).toBe("unavailable");
      expect(body.reason).toMatch(/\S/);
      expect(body.reason).not.toContain("\n");
    } finally {
      await empty.close();
    }
  });

  it("/api/health keeps answering as readiness", async () => {
    processDatabase.__enclaveDb = Promise.resolve(migrated);
    const [old, current] = await Promise.all([health(), ready()]);
    expect(old.status).toBe(200);
    expect(await old.json()).toEqual(await current.json());
  });
});
