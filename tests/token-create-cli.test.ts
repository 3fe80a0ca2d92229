import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { auditEvents, users } from "@/db/schema";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { createUser } from "./helpers/factory";

type Env = Record<string, string>;
const tokenCreate = (args: string[], env: Env) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/token-create.ts", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });

/** Exit 2, nothing on stdout, one line on stderr that says what is wrong. */
function expectRefusal(result: ReturnType<typeof tokenCreate>, message: string | RegExp) {
  expect(result.status, result.stderr).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr).toMatch(message);
}

describe("npm run token:create with bad arguments", () => {
  const nowhere = { DATABASE_URL: "", ENCLAVE_DATA_DIR: "/nonexistent-never-opened" };
  it.each([
    [[], "token:create: --email is required."],
    [["--email", "ops@example.com"], "token:create: --name is required."],
    [["--email", "not-an-email", "--name", "ci"], "token:create: --email: Enter a valid email address."],
    [["--email", "a@b.co", "--name", "ci", "--scope", "admin"], "token:create: --scope: Choose read or write"],
    [["--email", "a@b.co", "--name", "ci", "--days", "367"], "token:create: --days: A token lives at most a year"],
    [["--email", "a@b.co", "--name", "ci", "--days", "0"], "token:create: --days: A token lives at least one day."],
    [["--email", "a@b.co", "--name", "ci", "--days", "soon"], "token:create: --days: Give the token's lifetime as"],
    [["--email", "a@b.co", "--name", "ci", "--role", "admin"], "token:create: Unknown option '--role'"],
    [["--email", "a@b.co", "--name", "ci"], "token:create: there is no database in /nonexistent-never-opened/pglite"],
  ])("%j exits 2 with one line", (args, message) => {
    expectRefusal(tokenCreate(args, nowhere), message);
  });
});

// One PGlite data directory, as `npm start` leaves it, used by this test and then by the command.
describe("npm run token:create on a PGlite data directory", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "enclave-token-cli-"));
  const env = { DATABASE_URL: "", ENCLAVE_DATA_DIR: dataDir };
  let database: Database;
  let active: { id: string; email: string };
  let disabled: { email: string };
  const reopen = async () => (database = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") }));

  beforeAll(async () => {
    await reopen();
    await migrateDatabase(database);
    active = await createUser(database.db);
    disabled = await createUser(database.db, { status: "disabled" });
  });
  afterAll(async () => {
    await database.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses while another process has the data directory open, and says how to go on", () => {
    const result = tokenCreate(["--email", active.email, "--name", "ci"], env);
    expectRefusal(result, new RegExp(`Process ${process.pid} \\(the portal\\?\\) is running on .*stop the portal`));
  });

  it("prints one working token on stdout once the portal is stopped, audited as from the command line", async () => {
    await database.close();
    const result = tokenCreate(["--email", active.email.toUpperCase(), "--name", "ci", "--scope", "write"], env);
    const refused = [
      ["--email", "nobody@example.com", "--name", "ci"],
      ["--email", disabled.email, "--name", "ci"],
    ].map((args) => tokenCreate(args, env));
    await reopen();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^enc_[\w-]{43}\n$/);
    const actor = await authenticateToken(database.db, result.stdout.trim());
    expect(actor).toMatchObject({ id: active.id, token: { name: "ci", scope: "write" } });
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "token.created"));
    expect(event).toMatchObject({ actorId: null, target: "ci", details: { via: "command line", ownerId: active.id } });
    expectRefusal(refused[0]!, "token:create: No user has the email nobody@example.com.");
    expectRefusal(refused[1]!, `token:create: ${disabled.email} is disabled`);
    const [row] = await database.db.select().from(users).where(eq(users.id, active.id));
    expect(row!.status).toBe("active");
  });
});

describe.runIf(process.env.DATABASE_URL)("npm run token:create on PostgreSQL", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ url: process.env.DATABASE_URL! });
  });
  afterAll(() => database.close());

  it("prints a token that authenticates as the user, with the default read scope", async () => {
    const user = await createUser(database.db);
    try {
      const result = tokenCreate(["--email", user.email, "--name", "nightly", "--days", "1"], {});
      expect(result.status, result.stderr).toBe(0);
      const actor = await authenticateToken(database.db, result.stdout.trim());
      expect(actor).toMatchObject({ id: user.id, token: { name: "nightly", scope: "read" } });
    } finally {
      await database.db.delete(users).where(eq(users.id, user.id));
    }
  });
});
