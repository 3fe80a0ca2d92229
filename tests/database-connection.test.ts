import { AsyncLocalStorage } from "node:async_hooks";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sql } from "drizzle-orm";
import type { Pool } from "pg";
import { describe, expect, it } from "vitest";
import { DatabaseUnreachableError, defaultTarget, openDatabase, redactUrl } from "@/db/client";

describe("openDatabase", () => {
  it("reports an unreachable PostgreSQL with the reason and without the password", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const opening = openDatabase({ url: "postgres://u:secret@127.0.0.1:1/x" });
    const error = await opening.then(
      () => expect.fail("the database should have been unreachable"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    const { message, location } = error as DatabaseUnreachableError;
    expect(message).toContain("postgres://u:***@127.0.0.1:1/x");
    expect(message).toContain("ECONNREFUSED");
    expect(message).not.toContain("secret");
    expect(location).not.toContain("secret");
  });
});

describe("the embedded database's buffer pool", () => {
  const sharedBuffers = async (env: Record<string, string>) => {
    const database = await openDatabase(defaultTarget(env));
    try {
      return ((await database.executeSql("show shared_buffers")).rows[0] as { shared_buffers: string }).shared_buffers;
    } finally {
      await database.close();
    }
  };

  it("is 32 MB, or what ENCLAVE_PGLITE_SHARED_BUFFERS_MB says, and leaves the data folder's postgresql.conf as initdb wrote it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "enclave-buffers-"));
    try {
      expect(await sharedBuffers({ ENCLAVE_DATA_DIR: dataDir })).toBe("32MB");
      const conf = readFileSync(path.join(dataDir, "pglite", "postgresql.conf"), "utf8");
      expect(await sharedBuffers({ ENCLAVE_DATA_DIR: dataDir, ENCLAVE_PGLITE_SHARED_BUFFERS_MB: "48" })).toBe("48MB");
      expect(readFileSync(path.join(dataDir, "pglite", "postgresql.conf"), "utf8")).toBe(conf);
      expect(conf).toMatch(/^timezone = /m);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses a size that is not a whole number of megabytes, naming the setting", () => {
    for (const bad of ["0", "32MB", "1.5"])
      expect(() => defaultTarget({ ENCLAVE_PGLITE_SHARED_BUFFERS_MB: bad })).toThrow(
        "ENCLAVE_PGLITE_SHARED_BUFFERS_MB must be a whole number of megabytes, at least 1.",
      );
  });
});

describe("redactUrl", () => {
  it("hides the password and keeps the rest", () => {
    expect(redactUrl("postgres://enclave:hunter2@db.internal:5432/enclave")).toBe(
      "postgres://enclave:***@db.internal:5432/enclave",
    );
  });

  it("hides a password given as a query parameter", () => {
    const redacted = redactUrl("postgres://enclave@db.internal/enclave?password=hunter2&sslmode=require");
    expect(redacted).toBe("postgres://enclave@db.internal/enclave?password=***&sslmode=require");
  });

  it("leaves a URL without a password unchanged", () => {
    expect(redactUrl("postgres://enclave@db.internal/enclave")).toBe("postgres://enclave@db.internal/enclave");
  });

  it("never echoes an unparseable URL, which could still hold a password", () => {
    expect(redactUrl("postgres://enclave:hunter2@db.internal:no-port/enclave")).not.toContain("hunter2");
  });
});

describe("PGlite read through drizzle and through raw SQL", () => {
  it("gives drizzle dates and times as text and raw SQL (the job queue) PGlite's dates, in any order", async () => {
    const database = await openDatabase({ memory: true });
    try {
      const query = "select timestamptz '2026-01-02 03:04:05+00' as at, date '2026-01-02' as day";
      const raw = async () => [
        (await database.executeSql(query)).rows[0],
        (await database.executeSql(`${query}, $1::int as n`, [1])).rows[0],
      ];
      const viaDrizzle = async (db: typeof database.db) =>
        ((await db.execute(sql.raw(query))) as unknown as { rows: unknown[] }).rows[0];
      const asPglite = { at: new Date("2026-01-02T03:04:05Z"), day: new Date("2026-01-02T00:00:00Z") };
      expect(await raw()).toEqual([asPglite, { ...asPglite, n: 1 }]);
      expect(await viaDrizzle(database.db)).toEqual({ at: "2026-01-02 03:04:05+00", day: "2026-01-02" });
      expect(await raw()).toEqual([asPglite, { ...asPglite, n: 1 }]);
      expect(await database.db.transaction((tx) => viaDrizzle(tx))).toEqual({
        at: "2026-01-02 03:04:05+00",
        day: "2026-01-02",
      });
      expect(await raw()).toEqual([asPglite, { ...asPglite, n: 1 }]);
    } finally {
      await database.close();
    }
  });
});

describe("a long run of PGlite statements", () => {
  // PGlite answers in a microtask: without a turn of the event loop between statements, a periodic
  // task of thousands of them held every request and timer for seconds (14 s seen on a server).
  it("lets the event loop take a turn between statements, through drizzle, a transaction and raw SQL", async () => {
    const database = await openDatabase({ memory: true });
    try {
      const runs = {
        drizzle: () => database.db.execute(sql`select 1`),
        transaction: () => database.db.transaction((tx) => tx.execute(sql`select 1`)),
        "raw SQL": () => database.executeSql("select $1::int", [1]),
      };
      for (const [path, statement] of Object.entries(runs)) {
        let done = 0;
        const turnTakenAfter = new Promise<number>((resolve) => setImmediate(() => resolve(done)));
        for (; done < 20; done++) await statement();
        expect(await turnTakenAfter, path).toBeLessThan(20);
      }
    } finally {
      await database.close();
    }
  });
});

describe("PGlite statements sent while a request is served", () => {
  // PostgreSQL arms a timer as it goes idle (10 s, for its statistics). Armed in the request's async
  // context, it kept that request, answered, alive until it fired or was armed again.
  it("arm PostgreSQL's timers outside the request, and run a transaction's callback inside it", async () => {
    const request = new AsyncLocalStorage<string>();
    const database = await openDatabase({ memory: true });
    const armedIn: string[] = [];
    const setTimeoutBefore = globalThis.setTimeout;
    globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
      armedIn.push(request.getStore() ?? "outside");
      return setTimeoutBefore(...args);
    }) as typeof setTimeout;
    try {
      const seenInTransaction = await request.run("/t/dev", async () => {
        await database.db.execute(sql`select 1`);
        await database.executeSql("select $1::int", [1]);
        return database.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          return request.getStore();
        });
      });
      expect(seenInTransaction).toBe("/t/dev");
      expect(armedIn.length).toBeGreaterThan(0);
      expect(new Set(armedIn)).toEqual(new Set(["outside"]));
    } finally {
      globalThis.setTimeout = setTimeoutBefore;
      await database.close();
    }
  });
});

describe.runIf(process.env.DATABASE_URL)("a PostgreSQL connection opened while a request is served", () => {
  it("does not keep that request's async context, which would keep the request alive as long as the connection", async () => {
    const request = new AsyncLocalStorage<{ url: string }>();
    const database = await openDatabase({ url: process.env.DATABASE_URL! });
    try {
      const pool = (database.db as unknown as { $client: Pool }).$client;
      // The pool holds one connection after the check at open: four queries at once open three more.
      await request.run({ url: "/t/dev" }, () =>
        Promise.all([1, 2, 3, 4].map(() => database.executeSql("select pg_sleep(0.05)"))),
      );
      expect(pool.totalCount).toBe(4);
      // A callback runs in the context of the socket that answered; one on each connection at once.
      const contexts = await Promise.all(
        [1, 2, 3, 4].map(
          () =>
            new Promise((resolve, reject) =>
              pool.query("select pg_sleep(0.05)", (error) => (error ? reject(error) : resolve(request.getStore()))),
            ),
        ),
      );
      expect(contexts).toEqual([undefined, undefined, undefined, undefined]);
    } finally {
      await database.close();
    }
  });

  it("lets go of what the query that opened it held, once it has answered", async () => {
    setFlagsFromString("--expose-gc");
    const collectGarbage = runInNewContext("gc") as () => void;
    const database = await openDatabase({ url: process.env.DATABASE_URL! });
    try {
      const pool = (database.db as unknown as { $client: Pool }).$client;
      const opened = async () => {
        // Stands for a request: only the callback of the query that opens the second connection holds it.
        const request = { url: "/admin/billing", page: new Array(10_000).fill("row") };
        const answered = Promise.all([1, 2].map(() => pool.query("select pg_sleep(0.05)")));
        await new Promise((resolve) => pool.query("select 1", () => resolve(request.url)));
        await answered;
        return new WeakRef(request);
      };
      const request = await opened();
      expect(pool.totalCount).toBe(3);
      // A WeakRef holds its target until the current job ends.
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
      expect(request.deref()).toBeUndefined();
    } finally {
      await database.close();
    }
  });
});
